package cn.redlive.live;

import cn.redlive.platform.Broadcast;
import cn.redlive.platform.Redis;
import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.OwnRedisCluster;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.support.LiveKit.viewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  @DisplayName("a broadcast answers once both instances applied it, though they came in through different masters")
  void broadcastWaitsForInstancesOnOtherMasters() throws Exception {
    String channel = "test:broadcast:" + UUID.randomUUID();
    Set<String> appliedBySecond = ConcurrentHashMap.newKeySet();
    List<Instance> instances = new ArrayList<>();
    try {
      // Lettuce connects (and plain pub/sub subscribes and publishes) through the master with the fewest clients: idle
      // sockets on the other masters send the first instance to master 0 and the second to master 1
      Broadcast first = broadcastThrough(instances, channel, 0);
      Broadcast second = broadcastThrough(instances, channel, 1);
      first.onMessage(message -> { });
      second.onMessage(message -> {
        sleep(300); // a slow instance: the answer must wait for it
        appliedBySecond.add(message);
      });

      for (int i = 0; i < 3; i++) {
        String message = "news " + i;
        long sent = System.nanoTime();
        first.publish(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertTrue(appliedBySecond.contains(message), "the answer came before the second instance applied " + message);
        assertTrue(tookMs < Broadcast.ACK_WAIT_MS, "answered only when the wait for acknowledgements ran out: " + tookMs + " ms");
      }
    } finally {
      for (Instance instance : instances) instance.close();
    }
  }

  /** A server's Vert.x and Redis, as two servers have: their Redis I/O runs on their own event loops. */
  private record Instance(Vertx vertx, Redis redis) {
    void close() throws Exception {
      if (redis != null) redis.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** An instance's Redis, connected while every master but {@code master} is crowded, and its broadcast. */
  private static Broadcast broadcastThrough(List<Instance> instances, String channel, int master) throws Exception {
    List<Socket> crowd = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    try {
      List<Integer> ports = cluster.ports();
      for (int i = 0; i < ports.size(); i++) {
        for (int n = 0; i != master && n < 60; n++) crowd.add(new Socket("127.0.0.1", ports.get(i)));
      }
      Redis redis = Redis.connect(vertx, cluster.uri(), Duration.ofSeconds(2), new SimpleMeterRegistry())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      instances.add(new Instance(vertx, redis));
      return Broadcast.start(vertx, redis, channel).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception | Error e) {
      if (instances.stream().noneMatch(instance -> instance.vertx() == vertx)) new Instance(vertx, null).close();
      throw e;
    } finally {
      for (Socket socket : crowd) close(socket);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing an idle socket
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Reply awaitReady(Api api, int status) {
    return Eventually.await("readiness " + status, Duration.ofSeconds(30), () -> api.get("/health/ready").send(),
        reply -> reply.status() == status);
  }
}
