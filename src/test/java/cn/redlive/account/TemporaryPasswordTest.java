package cn.redlive.account;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("A temporary password must be changed before anything else, on the server too")
class TemporaryPasswordTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a token from a temporary password answers 403 password-change-required everywhere but the password change")
  void temporaryPasswordOpensOnlyThePasswordChange() {
    var temp = newAccountWithTemporaryPassword("streamer");

    assertProblem(api.get("/api/v1/me").as(temp.token()).send(), 403, "password-change-required");
    assertProblem(api.get("/api/v1/accounts/" + temp.id()).as(temp.token()).send(), 403, "password-change-required");
    assertProblem(api.get("/api/v1/live/sessions").as(temp.token()).send(), 403, "password-change-required");

    Reply changed = api.put("/api/v1/me/password").as(temp.token())
        .json(new JsonObject().put("currentPassword", temp.password()).put("newPassword", "my-own-password-2026")).send();
    assertEquals(200, changed.status(), changed::toString);
    assertFalse(changed.json().getJsonObject("account").getBoolean("mustChangePassword"));
    String fresh = changed.json().getString("accessToken");
    assertEquals(200, api.get("/api/v1/me").as(fresh).send().status());
    assertEquals(200, api.get("/api/v1/accounts/" + temp.id()).as(fresh).send().status());
  }

  @Test
  @DisplayName("a manager's password reset shuts the account in to the password change again")
  void resetPasswordRequiresAChangeAgain() {
    var user = api.newUser("brand_partner");
    Reply reset = api.post("/api/v1/accounts/" + user.id() + "/password-reset").as(api.managerToken()).send();
    assertEquals(200, reset.status(), reset::toString);

    String token = api.login(user.username(), reset.json().getString("temporaryPassword"));

    assertProblem(api.get("/api/v1/me").as(token).send(), 403, "password-change-required");
    assertProblem(api.get("/api/v1/brands").as(token).send(), 403, "password-change-required");
  }

  private record Temporary(long id, String password, String token) {
  }

  private Temporary newAccountWithTemporaryPassword(String role) {
    String username = TestApp.uniqueName("temp");
    Reply created = api.post("/api/v1/accounts").as(api.managerToken())
        .json(new JsonObject().put("username", username).put("displayName", "临时密码").put("role", role)).send();
    assertEquals(201, created.status(), created::toString);
    String password = created.json().getString("temporaryPassword");
    return new Temporary(created.json().getJsonObject("account").getLong("id"), password, api.login(username, password));
  }
}
