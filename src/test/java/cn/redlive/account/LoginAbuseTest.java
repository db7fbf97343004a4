package cn.redlive.account;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Login abuse: parallel guesses, floods and what refusals reveal")
class LoginAbuseTest {

  /** Two instances on the shared database; the in-memory limits opened wide so that only the shared count limits. */
  private static final Map<String, String> ONLY_THE_SHARED_COUNT = Map.of(
      "auth.concurrentLoginsPerName", "1000", "auth.concurrentLoginsPerAddress", "1000");
  private static TestApp first;
  private static TestApp second;

  @BeforeAll
  static void startTwoInstances() {
    first = TestApp.start(ONLY_THE_SHARED_COUNT);
    second = TestApp.start(ONLY_THE_SHARED_COUNT);
  }

  @AfterAll
  static void stopThem() {
    if (first != null) first.stop();
    if (second != null) second.stop();
  }

  @Test
  @DisplayName("30 concurrent wrong passwords at one instance: at most 6 are checked, the rest answer 429")
  void parallelGuessesAtOneInstance() throws Exception {
    var user = first.api().newUser("streamer");
    double before = passwordChecks(first.api());

    List<Reply> replies = concurrently(30, i -> wrongLogin(first.api(), user.username()));

    double checked = passwordChecks(first.api()) - before;
    assertAtMostSixChecked(replies, checked, user.username());
  }

  @Test
  @DisplayName("30 concurrent wrong passwords at two instances sharing a database: at most 6 are checked in all")
  void parallelGuessesAtTwoInstances() throws Exception {
    var user = first.api().newUser("streamer");
    double before = passwordChecks(first.api()) + passwordChecks(second.api());

    List<Reply> replies = concurrently(30, i -> wrongLogin((i % 2 == 0 ? first : second).api(), user.username()));

    double checked = passwordChecks(first.api()) + passwordChecks(second.api()) - before;
    assertAtMostSixChecked(replies, checked, user.username());
  }

  @Test
  @DisplayName("an unknown name is throttled exactly like a real one: 429 after the same number of failures")
  void unknownNamesAreThrottledLikeRealOnes() {
    Api api = first.api();
    var user = api.newUser("streamer");
    String unknown = TestApp.uniqueName("nobody");

    Reply real = sixthOfSixFailures(api, user.username());
    Reply nobody = sixthOfSixFailures(api, unknown);

    assertProblem(real, 429, "too-many-failed-logins");
    assertProblem(nobody, 429, "too-many-failed-logins");
    assertTrue(Integer.parseInt(nobody.header("Retry-After")) >= 1);
  }

  /** The first five answer 401 as for any wrong password; the sixth, straight after, is the one the throttle sees. */
  private static Reply sixthOfSixFailures(Api api, String username) {
    for (int i = 0; i < 5; i++) assertProblem(wrongLogin(api, username), 401, "invalid-credentials");
    return wrongLogin(api, username);
  }

  @Test
  @DisplayName("a disabled account answers its right and its wrong password as an unknown name is answered")
  void disabledAccountRevealsNothing() {
    Api api = first.api();
    var user = api.newUser("streamer");
    assertEquals(200, api.post("/api/v1/accounts/" + user.id() + "/disable").as(api.managerToken()).send().status());

    Reply right = login(api, user.username(), user.password());
    Reply wrong = wrongLogin(api, user.username());
    Reply unknown = wrongLogin(api, TestApp.uniqueName("nobody"));

    assertProblem(right, 401, "invalid-credentials");
    assertProblem(wrong, 401, "invalid-credentials");
    assertEquals(unknown.json().getString("detail"), right.json().getString("detail"));
    assertEquals(unknown.json().getString("detail"), wrong.json().getString("detail"));
  }

  @Test
  @DisplayName("enabling a disabled account forgets the failures counted while it was disabled")
  void enablingForgetsFailuresWhileDisabled() {
    Api api = first.api();
    var user = api.newUser("streamer");
    String manager = api.managerToken();
    api.post("/api/v1/accounts/" + user.id() + "/disable").as(manager).send();
    for (int i = 0; i < 6; i++) wrongLogin(api, user.username());

    assertEquals(200, api.post("/api/v1/accounts/" + user.id() + "/enable").as(manager).send().status());
    api.login(user.username(), user.password());
  }

  @Test
  @DisplayName("logins beyond the per-name limit of one instance are turned away at once with 429")
  void concurrentLoginsPerNameAreLimited() throws Exception {
    TestApp strict = TestApp.start(Map.of("auth.concurrentLoginsPerName", "1"));
    try {
      var user = strict.api().newUser("streamer");
      List<Reply> replies = concurrently(8, i -> login(strict.api(), user.username(), user.password()));

      assertTrue(replies.stream().anyMatch(r -> r.status() == 200), replies::toString);
      List<Reply> refused = replies.stream().filter(r -> r.status() != 200).toList();
      assertTrue(!refused.isEmpty(), "some of 8 simultaneous logins of one name were refused: " + replies);
      refused.forEach(r -> assertProblem(r, 429, "too-many-concurrent-logins"));
    } finally {
      strict.stop();
    }
  }

  @Test
  @DisplayName("no more passwords are hashed at once than the hashing pool has threads, however many log in")
  void hashingPoolBoundIsRespected() throws Exception {
    TestApp oneThread = TestApp.start(Map.of("auth.hashingThreads", "1",
        "auth.concurrentLoginsPerName", "1000", "auth.concurrentLoginsPerAddress", "1000"));
    try {
      List<Reply> replies = concurrently(12, i -> wrongLogin(oneThread.api(), TestApp.uniqueName("random")));

      replies.forEach(r -> assertProblem(r, 401, "invalid-credentials"));
      String metrics = oneThread.api().get("/metrics").send().body();
      assertTrue(meter(metrics, "redlive_password_hashing_concurrency_count") >= 12, metrics);
      assertEquals(1.0, meter(metrics, "redlive_password_hashing_concurrency_max"));
    } finally {
      oneThread.stop();
    }
  }

  private static void assertAtMostSixChecked(List<Reply> replies, double checked, String username) throws SQLException {
    long wrong = replies.stream().filter(r -> r.status() == 401).count();
    long throttled = replies.stream().filter(r -> r.status() == 429).count();
    assertEquals(30, wrong + throttled, replies::toString);
    assertTrue(checked <= 6, "at most 6 of 30 parallel guesses were checked, not " + checked);
    assertTrue(checked >= 5, "the 5 free attempts were checked, not only " + checked);
    assertEquals(checked, (double) wrong, "every check is a 401, every other guess a 429");
    assertEquals((int) checked, storedAttempts(username));
  }

  private static List<Reply> concurrently(int count, IntFunction<Reply> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        pending.add(threads.submit(() -> {
          start.await();
          return call.apply(index);
        }));
      }
      start.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> reply : pending) replies.add(reply.get());
      return replies;
    } finally {
      threads.shutdownNow();
    }
  }

  private static Reply wrongLogin(Api api, String username) {
    return login(api, username, "not-the-password-" + username);
  }

  private static Reply login(Api api, String username, String password) {
    return api.post("/api/v1/auth/login").json(new JsonObject().put("username", username).put("password", password)).send();
  }

  private static double passwordChecks(Api api) {
    return meter(api.get("/metrics").send().body(), "redlive_password_checks_total");
  }

  private static double meter(String metrics, String name) {
    Matcher found = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
    if (!found.find()) throw new AssertionError(name + " missing from /metrics");
    return Double.parseDouble(found.group(1));
  }

  private static int storedAttempts(String username) throws SQLException {
    String url = "jdbc:postgresql://127.0.0.1:" + TestServers.postgres().port() + "/postgres?user=postgres";
    try (Connection db = DriverManager.getConnection(url);
         PreparedStatement query = db.prepareStatement("SELECT attempts FROM login_attempts WHERE username_key = lower(?)")) {
      query.setString(1, username);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    }
  }
}
