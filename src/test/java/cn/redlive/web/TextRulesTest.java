package cn.redlive.web;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Text from a client is trimmed, and control characters and blank names are refused naming the field")
class TextRulesTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a NUL in the username of an unauthenticated login answers 400 naming username, not a database error")
  void nulAtLogin() {
    Reply reply = api.post("/api/v1/auth/login").raw("application/json",
        "{\"username\": \"ad\\u0000min\", \"password\": \"whatever-it-is\"}").send();
    assertRefused(reply, "username");
  }

  @Test
  @DisplayName("blank team names (a space, a tab, U+001C) answer 400 naming name")
  void blankTeamNames() {
    String manager = api.managerToken();
    for (String name : List.of("\" \"", "\"\\t\"", "\"\\u001c\"", "\"\\u0000\"")) {
      assertRefused(api.post("/api/v1/teams").as(manager).raw("application/json", "{\"name\": " + name + "}").send(), "name");
    }
  }

  @Test
  @DisplayName("control characters in brand, product, selection list, account, screening, study item and streamer text answer 400 naming the field")
  void controlCharactersEverywhere() {
    String manager = api.managerToken();
    String nul = "\"a\\u0000b\"";
    assertRefused(api.post("/api/v1/brands").as(manager).raw("application/json",
        "{\"name\": " + nul + ", \"enterprise\": \"宁夏企业\", \"origin\": \"中宁县\"}").send(), "name");
    assertRefused(api.post("/api/v1/products").as(manager).raw("application/json",
        "{\"brandId\": 1, \"sku\": \"NUL-1\", \"name\": " + nul + ", \"category\": \"枸杞\", \"origin\": \"中宁县\","
            + " \"priceFen\": 100, \"commissionBp\": 100}").send(), "name");
    assertRefused(api.post("/api/v1/accounts").as(manager).raw("application/json",
        "{\"username\": \"nul-user\", \"displayName\": " + nul + ", \"role\": \"streamer\"}").send(), "displayName");
    assertRefused(api.post("/api/v1/streamers/1/screenings").as(manager).raw("application/json",
        "{\"conductScore\": 3, \"businessScore\": 3, \"decision\": \"defer\", \"notes\": \"x\\u001fy\"}").send(), "notes");
    assertRefused(api.post("/api/v1/study/items").as(manager).raw("application/json",
        "{\"title\": \"\\t \", \"kind\": \"article\", \"minutes\": 5, \"points\": 1}").send(), "title");
    assertRefused(api.post("/api/v1/streamers").as(manager).raw("application/json",
        "{\"realName\": \"王五\", \"stageName\": \" \", \"birthDate\": \"1990-01-01\", \"joinedOn\": \"2026-01-01\"}").send(),
        "stageName");
    assertRefused(api.patch("/api/v1/streamers/1").as(manager).raw("application/json",
        "{\"stageName\": \"\\u001c\"}").send(), "stageName");
    Api.NewUser streamer = api.newUser("streamer");
    assertRefused(api.post("/api/v1/selection-lists").as(streamer.token()).raw("application/json",
        "{\"title\": \" \", \"plannedDate\": \"2026-06-01\"}").send(), "title");
  }

  @Test
  @DisplayName("a control character in a query value answers 400 naming the parameter")
  void controlCharacterInQuery() {
    assertRefused(api.get("/api/v1/accounts?q=a%00b").as(api.managerToken()).send(), "q");
  }

  @Test
  @DisplayName("a name is stored trimmed, and a password keeps its spaces")
  void trimmedButPasswordsKept() {
    String name = TestApp.uniqueName("红旗队");
    Reply created = api.post("/api/v1/teams").as(api.managerToken())
        .json(new JsonObject().put("name", "  " + name + "\t")).send();
    assertEquals(201, created.status(), created::toString);
    assertEquals(name, created.json().getString("name"));

    String username = TestApp.uniqueName("spaced");
    String password = "  spaced password  ";
    Reply account = api.post("/api/v1/accounts").as(api.managerToken()).json(new JsonObject()
        .put("username", " " + username + " ").put("displayName", "空格").put("role", "streamer").put("password", password)).send();
    assertEquals(201, account.status(), account::toString);
    assertEquals(username, account.json().getJsonObject("account").getString("username"));
    assertEquals(200, api.post("/api/v1/auth/login").json(new JsonObject()
        .put("username", username).put("password", password)).send().status());
    assertEquals(401, api.post("/api/v1/auth/login").json(new JsonObject()
        .put("username", username).put("password", password.strip())).send().status());
  }

  @Test
  @DisplayName("the rule lets tabs, line breaks and characters beyond the BMP through and stops NUL, U+001C, DEL, C1 and lone surrogates")
  void whichCharacters() {
    assertEquals(-1, TextRules.firstBadChar("第一行\n第二行\t\r 🍇"));
    for (String bad : List.of("a\u0000", "\u001c", "x\u007f", "\u0085", "\ud800", "\udc00x")) {
      assertTrue(TextRules.firstBadChar(bad) >= 0, bad);
    }
  }

  private static void assertRefused(Reply reply, String field) {
    assertProblem(reply, 400, "validation");
    List<String> fields = reply.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList();
    assertTrue(fields.contains(field), () -> "fields of " + reply);
  }
}
