package cn.redlive.account;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Logging in and using tokens")
class LoginTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("the configured manager logs in and gets a signed bearer token that expires")
  void managerLogsIn() {
    Reply reply = api.post("/api/v1/auth/login")
        .json(new JsonObject().put("username", TestApp.MANAGER).put("password", TestApp.MANAGER_PASSWORD)).send();

    assertEquals(200, reply.status(), reply::toString);
    JsonObject body = reply.json();
    assertEquals("Bearer", body.getString("tokenType"));
    assertEquals("manager", body.getJsonObject("account").getString("role"));
    JsonObject header = decodePart(body.getString("accessToken"), 0);
    JsonObject claims = decodePart(body.getString("accessToken"), 1);
    assertEquals("HS256", header.getString("alg"));
    assertTrue(claims.getLong("exp") > claims.getLong("iat"), "token has an expiry after its issue time");
  }

  @Test
  @DisplayName("a wrong password and an unknown user get the same 401 problem")
  void wrongPasswordIsRefused() {
    var user = api.newUser("streamer");
    Reply wrong = api.post("/api/v1/auth/login")
        .json(new JsonObject().put("username", user.username()).put("password", "not-the-password")).send();
    Reply unknown = api.post("/api/v1/auth/login")
        .json(new JsonObject().put("username", "nobody-here").put("password", "whatever-password")).send();

    assertProblem(wrong, 401, "invalid-credentials");
    assertProblem(unknown, 401, "invalid-credentials");
    assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
  }

  @Test
  @DisplayName("usernames are matched without regard to case")
  void usernameIgnoresCase() {
    var user = api.newUser("brand_partner");
    api.login(user.username().toUpperCase(), user.password());
  }

  @Test
  @DisplayName("a disabled account cannot log in (answered as an unknown name) and its existing token stops working")
  void disabledAccountIsLockedOut() {
    var user = api.newUser("streamer");
    String manager = api.managerToken();

    assertEquals(200, api.post("/api/v1/accounts/" + user.id() + "/disable").as(manager).send().status());

    assertProblem(api.post("/api/v1/auth/login")
        .json(new JsonObject().put("username", user.username()).put("password", user.password())).send(), 401, "invalid-credentials");
    assertProblem(api.get("/api/v1/me").as(user.token()).send(), 401, "account-disabled");

    assertEquals(200, api.post("/api/v1/accounts/" + user.id() + "/enable").as(manager).send().status());
    api.login(user.username(), user.password());
  }

  @Test
  @DisplayName("repeated failed logins are slowed down with 429 and Retry-After, even with the right password")
  void failedLoginsAreThrottled() {
    var user = api.newUser("streamer");
    JsonObject wrong = new JsonObject().put("username", user.username()).put("password", "wrong-password-x");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, api.post("/api/v1/auth/login").json(wrong).send().status());
    }
    Reply throttled = api.post("/api/v1/auth/login")
        .json(new JsonObject().put("username", user.username()).put("password", user.password())).send();

    assertProblem(throttled, 429, "too-many-failed-logins");
    assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1);
  }

  @Test
  @DisplayName("a token whose payload was altered is rejected")
  void tamperedTokenIsRejected() {
    var user = api.newUser("streamer");
    String[] parts = user.token().split("\\.");
    JsonObject claims = decodePart(user.token(), 1).put("role", "manager");
    String forged = parts[0] + "." + encode(claims) + "." + parts[2];

    assertProblem(api.get("/api/v1/accounts").as(forged).send(), 401, "invalid-token");
  }

  @Test
  @DisplayName("an unsigned token (alg none) is rejected")
  void unsignedTokenIsRejected() {
    var user = api.newUser("streamer");
    JsonObject claims = decodePart(user.token(), 1).put("role", "manager");
    String unsigned = encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + encode(claims) + ".";

    assertProblem(api.get("/api/v1/accounts").as(unsigned).send(), 401, "invalid-token");
    assertProblem(api.get("/api/v1/me").as(unsigned).send(), 401, "invalid-token");
  }

  @Test
  @DisplayName("an expired token signed with the server's own key is rejected")
  void expiredTokenIsRejected() {
    var user = api.newUser("streamer");
    JsonObject claims = decodePart(user.token(), 1);
    long now = System.currentTimeMillis() / 1000;
    claims.put("iat", now - 3600).put("exp", now - 60);
    Vertx vertx = Vertx.vertx();
    try {
      JWTAuth sameKey = JWTAuth.create(vertx, new JWTAuthOptions()
          .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestApp.JWT_SECRET)));
      String expired = sameKey.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
      assertEquals(now - 60, decodePart(expired, 1).getLong("exp"));

      assertProblem(api.get("/api/v1/me").as(expired).send(), 401, "invalid-token");
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("a token signed with another key is rejected")
  void tokenFromAnotherKeyIsRejected() {
    TestApp other = TestApp.start(java.util.Map.of("auth.jwtSecret", "a-completely-different-secret-0123456789abcdef"));
    try {
      String foreign = other.api().login(TestApp.MANAGER, TestApp.MANAGER_PASSWORD);
      assertEquals(200, other.api().get("/api/v1/me").as(foreign).send().status());
      assertProblem(api.get("/api/v1/me").as(foreign).send(), 401, "invalid-token");
    } finally {
      other.stop();
    }
  }

  @Test
  @DisplayName("changing your own password revokes older tokens and returns a fresh one")
  void changingPasswordRevokesOldTokens() {
    var user = api.newUser("streamer");
    Reply changed = api.put("/api/v1/me/password").as(user.token())
        .json(new JsonObject().put("currentPassword", user.password()).put("newPassword", "a-brand-new-password")).send();

    assertEquals(200, changed.status(), changed::toString);
    String fresh = changed.json().getString("accessToken");
    assertNotEquals(user.token(), fresh);
    assertProblem(api.get("/api/v1/me").as(user.token()).send(), 401, "token-revoked");
    assertEquals(200, api.get("/api/v1/me").as(fresh).send().status());
    api.login(user.username(), "a-brand-new-password");
  }

  @Test
  @DisplayName("changing your password needs the current one")
  void changingPasswordNeedsCurrentOne() {
    var user = api.newUser("streamer");
    Reply refused = api.put("/api/v1/me/password").as(user.token())
        .json(new JsonObject().put("currentPassword", "not-my-password").put("newPassword", "a-brand-new-password")).send();

    assertProblem(refused, 400, "validation");
    assertEquals("currentPassword", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  static JsonObject decodePart(String token, int index) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
  }

  static String encode(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
