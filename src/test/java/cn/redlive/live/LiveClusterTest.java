package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.OwnRedisCluster;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.support.LiveKit.viewer;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("RedLive on a 3-master Redis Cluster")
class LiveClusterTest {

  private static OwnRedisCluster cluster;
  private static TestApp app;

  @BeforeAll
  static void startCluster() {
    cluster = OwnRedisCluster.start(3);
    try {
      app = TestApp.start(Map.of("redis.uri", cluster.uri(), "redis.commandTimeoutMs", "500"));
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (app != null) app.stop();
    } finally {
      cluster.close();
    }
  }

  @Test
  @DisplayName("sessions on every master start, count their orders, rank and settle as the ledger says")
  void sessionsOnEveryMasterMatchTheLedger() {
    Api api = app.api();
    LiveKit live = new LiveKit(api);
    String ingest = api.newUser("ingest").token();
    Map<Integer, LiveKit.Live> byMaster = new HashMap<>();
    List<LiveKit.Live> sessions = new ArrayList<>();
    while (byMaster.size() < 3 && sessions.size() < 30) {
      LiveKit.Live session = live.liveSession();
      sessions.add(session);
      byMaster.putIfAbsent(cluster.masterOf(new LiveKeys(session.sessionId()).meta()), session);
    }
    assertEquals(3, byMaster.size(), "sessions reached every master");

    Map<Long, Long> acked = new HashMap<>();
    for (LiveKit.Live session : byMaster.values()) {
      long id = session.sessionId();
      for (int b = 1; b <= 3; b++) {
        Reply reply = live.send(ingest, batch("cluster-cam", b, like(id, 2), viewer(id, "viewer_join", "v" + b),
            order(id, session.productId(), 100L * b + id % 7)));
        assertEquals(200, reply.status(), reply::toString);
        acked.merge(id, 100L * b + id % 7, Long::sum);
      }
      assertEquals(acked.get(id), live.session(session.streamer().token(), id).getJsonObject("live").getLong("gmvFen"));
    }

    var today = cn.redlive.platform.BaseDays.today(java.time.Clock.systemUTC());
    var shardMasters = LiveKeys.leaderboardKeys(today).stream().map(cluster::masterOf).collect(java.util.stream.Collectors.toSet());
    assertEquals(3, shardMasters.size(), "the day's leaderboard shards are spread over every master");

    var items = api.get("/api/v1/live/leaderboard?by=streamer").as(api.managerToken()).send().json().getJsonArray("items");
    for (LiveKit.Live session : byMaster.values()) {
      long ranked = items.stream().map(i -> (JsonObject) i)
          .filter(i -> i.getLong("streamerAccountId") == session.streamer().id())
          .mapToLong(i -> i.getLong("gmvFen")).sum();
      assertEquals(LiveIngestionTest.ledgerGmv(app, session.sessionId()), ranked, "the ranking of session " + session.sessionId());
      assertEquals((long) acked.get(session.sessionId()), ranked);
    }

    for (LiveKit.Live session : byMaster.values()) {
      Reply ended = api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(session.streamer().token()).send();
      assertEquals(200, ended.status(), ended::toString);
      JsonObject results = live.session(api.managerToken(), session.sessionId()).getJsonObject("results");
      assertEquals(LiveIngestionTest.ledgerGmv(app, session.sessionId()), results.getLong("gmvFen"));
      assertEquals((long) acked.get(session.sessionId()), results.getLong("gmvFen"));
      assertEquals(6, results.getLong("likes"));
    }
  }

  @Test
  @DisplayName("readiness answers 503 while one master is down and 200 once it is back")
  void readinessFollowsEveryMaster() {
    Api api = app.api();
    assertEquals(200, api.get("/health/ready").send().status());
    int victim = 1;

    cluster.kill(victim);
    Reply down = awaitReady(api, 503);
    assertEquals("DOWN", down.json().getJsonObject("checks").getString("redis"), down::toString);
    assertEquals("UP", down.json().getJsonObject("checks").getString("postgres"));

    cluster.restart(victim);
    awaitReady(api, 200);
  }

  private static Reply awaitReady(Api api, int status) {
    return Eventually.await("readiness " + status, Duration.ofSeconds(30), () -> api.get("/health/ready").send(),
        reply -> reply.status() == status);
  }
}
