package cn.redlive.account;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Passwords people choose must be hard to guess")
class PasswordPolicyTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a new password that is the username, in any case, is refused naming newPassword")
  void usernameIsRefused() {
    var user = api.newUser("streamer");
    assertRefused(change(user, user.username().toUpperCase()), "newPassword", "must not be your username");
  }

  @Test
  @DisplayName("a password on the common list is refused whatever its case, also when a manager sets it")
  void commonPasswordsAreRefused() {
    var user = api.newUser("streamer");
    assertRefused(change(user, "PassWord123"), "newPassword", "is too common, attackers try it first; choose another");
    assertRefused(change(user, "woaini1314"), "newPassword", "is too common, attackers try it first; choose another");

    Reply created = api.post("/api/v1/accounts").as(api.managerToken()).json(new JsonObject()
        .put("username", TestApp.uniqueName("common")).put("displayName", "常见密码").put("role", "streamer")
        .put("password", "qwertyuiop")).send();
    assertRefused(created, "password", "is too common, attackers try it first; choose another");
  }

  @Test
  @DisplayName("one character repeated is refused, however long")
  void repeatedCharacterIsRefused() {
    var user = api.newUser("brand_partner");
    assertRefused(change(user, "aaaaaaaaaaaaaaaaaaaa"), "newPassword", "must not be one character repeated");
    assertRefused(change(user, "红红红红红红红红红红"), "newPassword", "must not be one character repeated");
  }

  @Test
  @DisplayName("a password that passes every rule is taken, and the old one no longer logs in")
  void goodPasswordIsTaken() {
    var user = api.newUser("streamer");
    Reply changed = change(user, "贺兰山东麓-葡萄酒-2026");
    assertEquals(200, changed.status(), changed::toString);
    api.login(user.username(), "贺兰山东麓-葡萄酒-2026");
  }

  private Reply change(Api.NewUser user, String next) {
    return api.put("/api/v1/me/password").as(user.token())
        .json(new JsonObject().put("currentPassword", user.password()).put("newPassword", next)).send();
  }

  private static void assertRefused(Reply reply, String field, String message) {
    assertProblem(reply, 400, "validation");
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals(field, error.getString("field"));
    assertEquals(message, error.getString("message"));
  }
}
