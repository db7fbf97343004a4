package cn.redlive.web;

import cn.redlive.core.ProblemException;
import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Query values are decoded once, searched literally, paged within bounds; date-times carry an offset")
class QueryValuesTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("a double-encoded id (?brandId=%2531) answers 400 naming brandId, not 500")
  void doubleEncodedId() {
    assertRefused(api.get("/api/v1/products?brandId=%2531").as(api.managerToken()).send(), "brandId");
  }

  @Test
  @DisplayName("a double-encoded enum value (?status=%2570ending) is not taken for pending")
  void doubleEncodedEnum() {
    assertRefused(api.get("/api/v1/products?status=%2570ending").as(api.managerToken()).send(), "status");
  }

  @Test
  @DisplayName("a search for a literal % or _ finds only names holding it")
  void wildcardsAreLiteral() {
    String manager = api.managerToken();
    String marker = TestApp.uniqueName("百分");
    Reply created = api.post("/api/v1/accounts").as(manager).json(new JsonObject()
        .put("username", TestApp.uniqueName("pct")).put("displayName", marker + "_100%").put("role", "streamer")).send();
    assertEquals(201, created.status(), created::toString);

    for (String q : List.of("%25", "_", "%5C")) {
      Reply found = api.get("/api/v1/accounts?size=200&q=" + q).as(manager).send();
      assertEquals(200, found.status(), found::toString);
      String literal = java.net.URLDecoder.decode(q, java.nio.charset.StandardCharsets.UTF_8);
      found.json().getJsonArray("items").forEach(item -> {
        JsonObject account = (JsonObject) item;
        assertTrue(account.getString("username").contains(literal) || account.getString("displayName").contains(literal),
            () -> q + " matched " + account);
      });
    }
    Reply underscore = api.get("/api/v1/accounts?size=200&q=_").as(manager).send();
    assertTrue(underscore.json().getJsonArray("items").stream()
        .anyMatch(a -> ((JsonObject) a).getString("displayName").equals(marker + "_100%")), underscore::toString);
    assertEquals(200, api.get("/api/v1/products?q=%25").as(manager).send().status());
    assertEquals(200, api.get("/api/v1/streamers?q=_").as(manager).send().status());
    assertEquals(200, api.get("/api/v1/brands?q=%25").as(manager).send().status());
  }

  @Test
  @DisplayName("searches that look like JSON (?q=-1, ?q=[1], ?q=true) are searched as text")
  void jsonLookingStrings() {
    String manager = api.managerToken();
    for (String q : List.of("-1", "%5B1%5D", "true", "null", "%7B%7D")) {
      Reply reply = api.get("/api/v1/accounts?q=" + q).as(manager).send();
      assertEquals(200, reply.status(), reply::toString);
    }
  }

  @Test
  @DisplayName("a parameter given twice answers 400 naming it")
  void givenTwice() {
    assertRefused(api.get("/api/v1/accounts?q=a&q=b").as(api.managerToken()).send(), "q");
  }

  @Test
  @DisplayName("page numbers past 100,000 answer 400 naming page on accounts, products, sessions, imports and audit")
  void hugePages() {
    String manager = api.managerToken();
    long streamer = people.streamer();
    for (String path : List.of("/api/v1/accounts", "/api/v1/products", "/api/v1/live/sessions", "/api/v1/catalog/imports",
        "/api/v1/streamers/" + streamer + "/party/audit")) {
      for (String page : List.of("100001", "2147483648", "99999999999999999999")) {
        assertRefused(api.get(path + "?page=" + page).as(manager).send(), "page");
      }
      Reply last = api.get(path + "?page=100000&size=200").as(manager).send();
      assertEquals(200, last.status(), last::toString);
    }
  }

  @Test
  @DisplayName("a date-time without an offset answers 400 naming it, in study progress and team moves alike")
  void dateTimesWithoutOffset() {
    var me = people.streamerWithLogin();
    assertRefused(api.post("/api/v1/study/progress").as(me.token()).json(new JsonObject()
        .put("itemId", 1).put("minutes", 5).put("at", "2026-05-01T10:00:00")).send(), "at");
    long team = people.team();
    assertRefused(api.put("/api/v1/teams/" + team + "/members/" + me.streamerId()).as(api.managerToken())
        .json(new JsonObject().put("from", "2026-05-01T10:00:00")).send(), "from");
    Reply moved = api.put("/api/v1/teams/" + team + "/members/" + me.streamerId()).as(api.managerToken())
        .json(new JsonObject().put("from", "2026-05-01T10:00:00+08:00")).send();
    assertEquals(200, moved.status(), moved::toString);
  }

  @Test
  @DisplayName("the handler refuses what has no offset even where the contract would not")
  void handlerAgrees() {
    ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
        () -> DateTimes.optional(new JsonObject().put("from", "2026-05-01T10:00:00"), "from"));
    assertEquals("from", refused.problem().errors().get(0).field());
    assertFalse(DateTimes.optional(new JsonObject().put("from", "2026-05-01T10:00:00Z"), "from") == null);
  }

  private static void assertRefused(Reply reply, String field) {
    assertProblem(reply, 400, "validation");
    List<String> fields = reply.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList();
    assertTrue(fields.contains(field), () -> "fields of " + reply);
  }
}
