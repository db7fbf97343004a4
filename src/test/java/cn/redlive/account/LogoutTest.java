package cn.redlive.account;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Logging out and account changes reach every instance at once")
class LogoutTest {

  private static TestApp first;
  private static TestApp second;

  @BeforeAll
  static void startTwoInstances() {
    first = TestApp.start(Map.of());
    second = TestApp.start(Map.of());
  }

  @AfterAll
  static void stopThem() {
    if (first != null) first.stop();
    if (second != null) second.stop();
  }

  @Test
  @DisplayName("a token logged out at one instance is refused at the other straight after; the account's other tokens still work")
  void logoutReachesTheOtherInstanceAtOnce() {
    var user = first.api().newUser("streamer");
    String other = first.api().login(user.username(), user.password());
    assertEquals(200, second.api().get("/api/v1/me").as(user.token()).send().status(), "the other instance knows the account");

    assertEquals(204, first.api().post("/api/v1/auth/logout").as(user.token()).send().status());

    assertProblem(second.api().get("/api/v1/me").as(user.token()).send(), 401, "token-revoked");
    assertProblem(first.api().get("/api/v1/me").as(user.token()).send(), 401, "token-revoked");
    assertEquals(200, second.api().get("/api/v1/me").as(other).send().status());
  }

  @Test
  @DisplayName("a logged-out token stays refused at an instance started afterwards")
  void logoutOutlivesARestart() {
    var user = first.api().newUser("brand_partner");
    assertEquals(204, first.api().post("/api/v1/auth/logout").as(user.token()).send().status());

    TestApp later = TestApp.start(Map.of());
    try {
      assertProblem(later.api().get("/api/v1/me").as(user.token()).send(), 401, "token-revoked");
    } finally {
      later.stop();
    }
  }

  @Test
  @DisplayName("an account disabled at one instance is refused at the other straight after, not seconds later")
  void disablingReachesTheOtherInstanceAtOnce() {
    Api api = first.api();
    var user = api.newUser("streamer");
    assertEquals(200, second.api().get("/api/v1/me").as(user.token()).send().status());

    assertEquals(200, api.post("/api/v1/accounts/" + user.id() + "/disable").as(api.managerToken()).send().status());

    assertProblem(second.api().get("/api/v1/me").as(user.token()).send(), 401, "account-disabled");
  }

  @Test
  @DisplayName("an account with a temporary password may still log out")
  void temporaryPasswordMayLogOut() {
    Api api = first.api();
    var user = api.newUser("streamer");
    var reset = api.post("/api/v1/accounts/" + user.id() + "/password-reset").as(api.managerToken()).send();
    String token = api.login(user.username(), reset.json().getString("temporaryPassword"));

    assertEquals(204, second.api().post("/api/v1/auth/logout").as(token).send().status());
    assertProblem(first.api().get("/api/v1/me").as(token).send(), 401, "token-revoked");
  }
}
