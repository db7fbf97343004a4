package cn.redlive.live;

import cn.redlive.platform.EmbeddedRedisServer;
import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.Reply;
import cn.redlive.support.ServerProcess;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Live ingestion through failures")
class LiveFailuresTest {

  @Test
  @DisplayName("with Redis stopped ingestion answers 503 fast, nothing is half-applied, and a retry counts once after Redis returns")
  void redisStoppedDuringIngestion() throws Exception {
    Path dataDir = TestServers.newDataDir();
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir);
    int port = redis.port();
    TestApp app = TestApp.start(Map.of("redis.uri", redis.uri(), "redis.commandTimeoutMs", "500"));
    try {
      Api api = app.api();
      LiveKit live = new LiveKit(api);
      var session = live.liveSession();
      String ingest = api.newUser("ingest").token();
      assertEquals(200, live.send(ingest, batch("cam", 1, like(session.sessionId(), 5), order(session.sessionId(), session.productId(), 800))).status());

      redis.close();
      JsonObject second = batch("cam", 2, like(session.sessionId(), 7), order(session.sessionId(), session.productId(), 1200));
      long started = System.nanoTime();
      Reply down = live.send(ingest, second);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertProblem(down, 503, "service-unavailable");
      assertTrue(millis < 3_000, "503 comes fast: " + millis + " ms");
      assertEquals(800, LiveIngestionTest.ledgerGmv(app, session.sessionId()), "the refused batch left nothing in the ledger");
      assertEquals(200, api.get("/api/v1/me").as(ingest).send().status(), "the rest of the API keeps working");

      redis = EmbeddedRedisServer.start(dataDir, port);
      Reply retried = retryUntilAccepted(live, ingest, second, Duration.ofSeconds(30));
      assertEquals(2, retried.json().getInteger("accepted"), retried::toString);
      assertEquals(true, live.send(ingest, second).json().getBoolean("duplicateBatch"));

      JsonObject counters = live.session(api.managerToken(), session.sessionId()).getJsonObject("live");
      assertEquals(12, counters.getLong("likes"), "Redis kept batch 1 across its restart and batch 2 counted once");
      assertEquals(2000, counters.getLong("gmvFen"));
      assertEquals(2000, LiveIngestionTest.ledgerGmv(app, session.sessionId()));
    } finally {
      app.stop();
      redis.close();
    }
  }

  @Test
  @DisplayName("a server killed in the middle of a session loses no acknowledged event")
  void serverKilledMidSession() throws Exception {
    Path work = Files.createTempDirectory("redlive-kill-test");
    int port = ServerProcess.freePort();
    Map<String, String> env = Map.of(
        "REDLIVE_DATA_DIR", work.resolve("data").toString(),
        "REDLIVE_DATABASE_URL", TestServers.postgres().url(),
        "REDLIVE_REDIS_URI", TestServers.redis().uri(),
        "REDLIVE_AUTH_JWT_SECRET", TestApp.JWT_SECRET,
        "REDLIVE_AUTH_BOOTSTRAP_MANAGER_PASSWORD", TestApp.MANAGER_PASSWORD);
    ServerProcess first = ServerProcess.start(work, "first", port, env);
    try {
      killMidSession(first, work, port, env);
    } finally {
      // whatever failed above, no child server outlives the test
      if (first.process().isAlive()) first.kill();
    }
  }

  private static void killMidSession(ServerProcess first, Path work, int port, Map<String, String> env) throws Exception {
    Api api = first.api();
    LiveKit live = new LiveKit(api);
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    long acknowledgedLikes = 0;
    long acknowledgedGmv = 0;
    for (int b = 1; b <= 40; b++) {
      Reply reply = live.send(ingest, batch("kill-test", b, like(session.sessionId(), b), order(session.sessionId(), session.productId(), 100L * b)));
      assertEquals(200, reply.status(), reply::toString);
      acknowledgedLikes += b;
      acknowledgedGmv += 100L * b;
    }

    first.kill();
    ServerProcess second = ServerProcess.start(work, "second", port, env);
    try {
      JsonObject counters = live.session(api.managerToken(), session.sessionId()).getJsonObject("live");
      assertEquals(acknowledgedLikes, counters.getLong("likes"));
      assertEquals(acknowledgedGmv, counters.getLong("gmvFen"));
      assertEquals(acknowledgedGmv, LiveIngestionTest.ledgerGmv(session.sessionId()));
      assertEquals(200, live.send(ingest, batch("kill-test", 41, like(session.sessionId(), 1))).status(),
          "the session goes on after the restart");
    } finally {
      second.terminate();
    }
  }

  private static Reply retryUntilAccepted(LiveKit live, String token, JsonObject batch, Duration patience) {
    return Eventually.await("the batch being accepted after Redis returned", patience,
        () -> live.send(token, batch), reply -> reply.status() == 200);
  }

}
