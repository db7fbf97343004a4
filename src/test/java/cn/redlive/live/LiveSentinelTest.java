package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.OwnRedisSentinel;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("RedLive on a Redis Sentinel group")
class LiveSentinelTest {

  private static OwnRedisSentinel sentinel;
  private static TestApp app;

  @BeforeAll
  static void startSentinel() {
    sentinel = OwnRedisSentinel.start();
    try {
      app = TestApp.start(Map.of("redis.uri", sentinel.uri(), "redis.commandTimeoutMs", "500"));
    } catch (RuntimeException | Error e) {
      sentinel.close();
      throw e;
    }
  }

  @AfterAll
  static void stopSentinel() {
    try {
      if (app != null) app.stop();
    } finally {
      sentinel.close();
    }
  }

  @Test
  @DisplayName("a session keeps counting on the promoted replica after its master is killed, and settles as the ledger says")
  void sessionSurvivesAFailover() {
    Api api = app.api();
    LiveKit live = new LiveKit(api);
    String ingest = api.newUser("ingest").token();
    LiveKit.Live session = live.liveSession();
    long id = session.sessionId();
    assertEquals(200, live.send(ingest, batch("sentinel-cam", 1, like(id, 3), order(id, session.productId(), 1500))).status());
    sentinel.awaitReplicated();

    sentinel.killMaster();
    Eventually.await("the sentinel promotes the replica", Duration.ofSeconds(30), sentinel::currentMasterPort,
        port -> port == sentinel.replicaPort());
    // the same batch, sent until the server reaches the new master: 503 meanwhile, never 500, and it counts once
    Reply second = Eventually.await("a batch accepted by the new master", Duration.ofSeconds(30),
        () -> live.send(ingest, batch("sentinel-cam", 2, like(id, 4), order(id, session.productId(), 2500))),
        reply -> {
          if (reply.status() != 200 && reply.status() != 503) throw new AssertionError("not an outage answer: " + reply);
          return reply.status() == 200;
        });
    assertEquals(200, second.status());
    assertEquals(200, api.get("/health/ready").send().status());
    assertEquals(4000, live.session(session.streamer().token(), id).getJsonObject("live").getLong("gmvFen"));

    Reply ended = api.post("/api/v1/live/sessions/" + id + "/end").as(session.streamer().token()).send();
    assertEquals(200, ended.status(), ended::toString);
    var results = live.session(api.managerToken(), id).getJsonObject("results");
    assertEquals(LiveIngestionTest.ledgerGmv(app, id), results.getLong("gmvFen"));
    assertEquals(4000, results.getLong("gmvFen"));
    assertEquals(7, results.getLong("likes"));
  }
}
