package cn.redlive.live;

import cn.redlive.platform.EmbeddedRedisServer;
import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.OwnRedis;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Live state when Redis loses its data or is down at the end of a session")
class LiveRedisLossTest {

  @Test
  @DisplayName("after Redis restarts without its data, live sessions are rebuilt from PostgreSQL, the loss is reported, and nothing counts twice")
  void redisRestartedEmptyIsRebuilt() throws Exception {
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(TestServers.newDataDir());
    int port = redis.port();
    TestApp app = TestApp.start(Map.of("redis.uri", redis.uri(), "redis.commandTimeoutMs", "500"));
    try {
      Api api = app.api();
      LiveKit live = new LiveKit(api);
      var session = live.liveSession();
      String ingest = api.newUser("ingest").token();
      JsonObject first = batch("cam", 1, like(session.sessionId(), 5), order(session.sessionId(), session.productId(), 800));
      assertEquals(200, live.send(ingest, first).status());
      Eventually.await("the live figures flushed to PostgreSQL", Duration.ofSeconds(20),
          () -> flushedLikes(app, session.sessionId()), likes -> likes == 5);

      kill9(redis);
      redis = EmbeddedRedisServer.start(TestServers.newDataDir(), port);

      JsonObject second = batch("cam", 2, like(session.sessionId(), 7), order(session.sessionId(), session.productId(), 1200));
      Reply after = Eventually.await("ingestion answering after the restart", Duration.ofSeconds(30),
          () -> live.send(ingest, second), r -> r.status() != 503);
      assertEquals(200, after.status(), after::toString);
      assertEquals(2, after.json().getInteger("accepted"), after::toString);
      assertTrue(after.json().getJsonArray("rejected").isEmpty(), after::toString);
      assertTrue(after.json().containsKey("liveStateRebuilt") || rebuiltByFlush(api), "the loss is reported: " + after);

      Reply replay = live.send(ingest, first);
      assertEquals(true, replay.json().getBoolean("duplicateBatch"), "batch 1's sequence came back from the ledger: " + replay);

      JsonObject counters = live.session(api.managerToken(), session.sessionId()).getJsonObject("live");
      assertEquals(12, counters.getLong("likes"), "flushed likes plus the new batch: " + counters);
      assertEquals(2, counters.getInteger("orders"));
      assertEquals(2000, counters.getLong("gmvFen"));
      assertEquals(2000, LiveIngestionTest.ledgerGmv(app, session.sessionId()));

      JsonObject ready = api.get("/health/ready").send().json();
      assertEquals("REBUILT", ready.getJsonObject("liveState").getString("status"), ready::encode);
      assertTrue(ready.getJsonObject("liveState").getJsonObject("rebuiltSessions").containsKey(Long.toString(session.sessionId())));

      Reply ended = api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(session.streamer().token()).send();
      assertEquals(200, ended.status(), ended::toString);
      JsonObject results = live.session(api.managerToken(), session.sessionId()).getJsonObject("results");
      assertEquals(2000, results.getLong("gmvFen"));
      assertEquals(12, results.getLong("likes"), "settled likes are not reset to 0: " + results);
    } finally {
      app.stop();
      redis.close();
    }
  }

  @Test
  @DisplayName("ending a session while Redis is down answers 503, a retry after Redis returns settles it from the ledger")
  void endWhileRedisDownIsRetryable() {
    try (OwnRedis own = OwnRedis.start()) {
      Api api = own.app().api();
      LiveKit live = new LiveKit(api);
      var session = live.liveSession();
      String ingest = api.newUser("ingest").token();
      assertEquals(200, live.send(ingest, batch("cam", 1, like(session.sessionId(), 3),
          order(session.sessionId(), session.productId(), 900))).status());
      String token = session.streamer().token();

      own.stopRedis();
      Reply down = api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(token).send();
      assertProblem(down, 503, "service-unavailable");

      own.startRedis();
      Reply retried = Eventually.await("the end being retried after Redis returned", Duration.ofSeconds(30),
          () -> api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(token).send(),
          r -> r.status() != 503);
      // the periodic flush may have finished the settlement first; then the retry finds nothing left to do
      assertTrue(retried.status() == 200 || retried.status() == 422, retried::toString);
      JsonObject results = Eventually.await("final results", Duration.ofSeconds(20),
          () -> live.session(token, session.sessionId()), s -> s.containsKey("results")).getJsonObject("results");
      assertEquals(900, results.getLong("gmvFen"), "GMV from the ledger");
      assertEquals(1, results.getInteger("orders"));
      assertEquals(3, results.getLong("likes"));
      assertTrue(isFinal(own.app(), session.sessionId()), "results are final");
      assertProblem(api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(token).send(), 422, "session-not-live");
    }
  }

  @Test
  @DisplayName("starting a session while Redis is down answers 503, a retry after Redis returns starts it in both")
  void startWhileRedisDownIsRetryable() throws Exception {
    try (OwnRedis own = OwnRedis.start()) {
      Api api = own.app().api();
      LiveKit live = new LiveKit(api);
      var session = live.scheduledSession();
      String token = session.streamer().token();
      String start = "/api/v1/live/sessions/" + session.sessionId() + "/start";

      own.stopRedis();
      assertProblem(api.post(start).as(token).send(), 503, "service-unavailable");

      own.startRedis();
      Reply retried = Eventually.await("the start being retried after Redis returned", Duration.ofSeconds(30),
          () -> api.post(start).as(token).send(), r -> r.status() != 503);
      assertEquals(200, retried.status(), retried::toString);
      assertEquals("live", retried.json().getString("status"));
      assertEquals("live", redisStatus(own.redis(), session.sessionId()), "Redis marks the session live too");
      String ingest = api.newUser("ingest").token();
      assertEquals(200, live.send(ingest, batch("cam", 1, order(session.sessionId(), session.productId(), 700))).status());
      assertEquals(700, live.session(token, session.sessionId()).getJsonObject("live").getLong("gmvFen"));
      assertEquals(200, api.post(start).as(token).send().status(), "starting a live session again changes nothing");
      assertEquals(700, live.session(token, session.sessionId()).getJsonObject("live").getLong("gmvFen"));
    }
  }

  private static String redisStatus(EmbeddedRedisServer redis, long sessionId) throws Exception {
    Process cli = new ProcessBuilder("redis-cli", "-p", Integer.toString(redis.port()), "HGET",
        "live:{" + sessionId + "}:meta", "status").redirectErrorStream(true).start();
    String out = new String(cli.getInputStream().readAllBytes()).trim();
    cli.waitFor();
    return out;
  }

  private static boolean rebuiltByFlush(Api api) {
    JsonObject ready = api.get("/health/ready").send().json();
    return "REBUILT".equals(ready.getJsonObject("liveState").getString("status"));
  }

  private static void kill9(EmbeddedRedisServer redis) throws Exception {
    ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();
    process.destroyForcibly();
    process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    redis.close();
  }

  private static long flushedLikes(TestApp app, long sessionId) {
    return app.queryLong("SELECT coalesce(max(likes), -1) FROM live_session_results WHERE session_id = " + sessionId);
  }

  private static boolean isFinal(TestApp app, long sessionId) {
    return app.queryLong("SELECT count(*) FROM live_session_results WHERE final AND session_id = " + sessionId) == 1;
  }

}
