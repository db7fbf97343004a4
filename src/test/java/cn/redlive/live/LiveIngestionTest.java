package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.support.LiveKit.viewer;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Live event ingestion")
class LiveIngestionTest {

  private final Api api = TestApp.shared().api();
  private final LiveKit live = new LiveKit(api);

  @Test
  @DisplayName("concurrent ingestion from several clients sums exactly")
  void concurrentIngestionSumsExactly() throws Exception {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    int clients = 6;
    int batchesPerClient = 25;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String producer = LiveKit.uniqueId("producer");
      running.add(pool.submit(() -> {
        for (int b = 1; b <= batchesPerClient; b++) {
          Reply reply = live.send(ingest, batch(producer, b, like(session.sessionId(), 3),
              order(session.sessionId(), session.productId(), 100), viewer(session.sessionId(), "viewer_join", producer + "-v" + b)));
          assertEquals(200, reply.status(), reply::toString);
        }
        return null;
      }));
    }
    for (Future<?> f : running) f.get();
    pool.shutdown();

    JsonObject counters = live.session(session.streamer().token(), session.sessionId()).getJsonObject("live");
    int batches = clients * batchesPerClient;
    assertEquals(3L * batches, counters.getLong("likes"));
    assertEquals(batches, counters.getInteger("orders"));
    assertEquals(100L * batches, counters.getLong("gmvFen"));
    int unique = counters.getInteger("uniqueViewers");
    assertTrue(Math.abs(unique - batches) <= batches * 0.02, "HyperLogLog estimate within 2%: " + unique);
    assertEquals(100L * batches, ledgerGmv(session.sessionId()), "every order is in the PostgreSQL ledger once");
  }

  @Test
  @DisplayName("a retried batch counts once, and is reported as a duplicate")
  void retriedBatchCountsOnce() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    JsonObject batch = batch("camera-1", 7, like(session.sessionId(), 10), order(session.sessionId(), session.productId(), 2500));

    Reply first = live.send(ingest, batch);
    Reply retry = live.send(ingest, batch);

    assertEquals(false, first.json().getBoolean("duplicateBatch"));
    assertEquals(true, retry.json().getBoolean("duplicateBatch"));
    JsonObject counters = live.session(session.streamer().token(), session.sessionId()).getJsonObject("live");
    assertEquals(10, counters.getLong("likes"));
    assertEquals(2500, counters.getLong("gmvFen"));
    assertEquals(2500, ledgerGmv(session.sessionId()));
  }

  @Test
  @DisplayName("a viewer's last event in a batch decides whether it still watches, and only joins and heartbeats make unique viewers")
  void viewerEventsInOneBatchFollowTheirOrder() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    long id = session.sessionId();
    live.send(ingest, batch("room", 1, viewer(id, "viewer_join", "a"), viewer(id, "viewer_join", "b"),
        viewer(id, "viewer_join", "c")));

    Reply reply = live.send(ingest, batch("room", 2,
        viewer(id, "heartbeat", "a"),
        viewer(id, "viewer_leave", "b"),
        viewer(id, "heartbeat", "c"), viewer(id, "viewer_leave", "c"),
        viewer(id, "viewer_leave", "never-joined"),
        viewer(id, "viewer_join", "e"), viewer(id, "viewer_leave", "e"),
        viewer(id, "heartbeat", "f"),
        viewer(id, "viewer_leave", "g"), viewer(id, "viewer_join", "g")));

    assertEquals(10, reply.json().getInteger("accepted"), reply::toString);
    JsonObject counters = live.session(session.streamer().token(), id).getJsonObject("live");
    assertEquals(3, counters.getInteger("concurrentViewers"), "a, f and g still watch");
    assertEquals(6, counters.getInteger("uniqueViewers"), "everyone but the viewer who only left");
  }

  @Test
  @DisplayName("the time between a viewer's heartbeats counts as watched")
  void heartbeatsCountWatchTime() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    live.send(ingest, batch("watch", 1, viewer(session.sessionId(), "viewer_join", "w")));
    long[] sequence = {1};

    // watch time runs on the server's clock: the viewer keeps sending heartbeats until a second has been credited
    int watched = Eventually.await("a watched second", Duration.ofSeconds(10), () -> {
      live.send(ingest, batch("watch", ++sequence[0], viewer(session.sessionId(), "heartbeat", "w"),
          viewer(session.sessionId(), "heartbeat", "w")));
      return live.session(session.streamer().token(), session.sessionId()).getJsonObject("live")
          .getInteger("avgWatchSeconds");
    }, seconds -> seconds >= 1);
    assertTrue(watched >= 1 && watched < 60, "the second since the join counts once: " + watched);
  }

  @Test
  @DisplayName("the same order sent by another producer is refused as a duplicate and not counted again")
  void duplicateOrderFromAnotherProducer() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    String orderId = LiveKit.uniqueId("order");
    live.send(ingest, batch("app-a", 1, order(session.sessionId(), session.productId(), 990, orderId)));

    Reply copy = live.send(ingest, batch("app-b", 1, order(session.sessionId(), session.productId(), 990, orderId)));

    assertEquals("duplicate-order", copy.json().getJsonArray("rejected").getJsonObject(0).getString("reason"));
    assertEquals(990, live.session(session.streamer().token(), session.sessionId()).getJsonObject("live").getLong("gmvFen"));
  }

  @Test
  @DisplayName("bad events get their own errors while the good events of the batch still count")
  void badEventsAreRefusedOneByOne() {
    var session = live.liveSession();
    var ended = live.liveSession();
    api.post("/api/v1/live/sessions/" + ended.sessionId() + "/end").as(ended.streamer().token()).send();
    String ingest = api.newUser("ingest").token();

    Reply reply = live.send(ingest, batch("mixed", 1,
        like(session.sessionId(), 2),
        order(session.sessionId(), 99, 100),
        order(session.sessionId(), session.productId(), -500),
        order(session.sessionId(), session.productId(), 5_000_000_000L),
        like(987654, 1),
        like(ended.sessionId(), 1),
        new JsonObject().put("eventId", "x").put("sessionId", session.sessionId()).put("type", "teleport"),
        order(session.sessionId(), session.productId(), 1200)));

    assertEquals(200, reply.status(), reply::toString);
    assertEquals(2, reply.json().getInteger("accepted"));
    var reasons = reply.json().getJsonArray("rejected").stream().map(r -> ((JsonObject) r).getString("reason")).toList();
    assertEquals(List.of("product-not-selected", "absurd-amount", "absurd-amount", "unknown-session", "session-not-live",
        "invalid-event"), reasons);
    JsonObject counters = live.session(session.streamer().token(), session.sessionId()).getJsonObject("live");
    assertEquals(2, counters.getLong("likes"));
    assertEquals(1200, counters.getLong("gmvFen"));
    assertEquals(1200, ledgerGmv(session.sessionId()), "nothing wrong reached the ledger");
  }

  @Test
  @DisplayName("only ingest service accounts may post events")
  void onlyIngestAccountsPostEvents() {
    var session = live.liveSession();
    JsonObject batch = batch("p", 1, like(session.sessionId(), 1));

    assertProblem(api.post("/api/v1/live/events").json(batch).send(), 401, "missing-token");
    assertProblem(live.send(session.streamer().token(), batch), 403, "role-not-allowed");
    assertProblem(live.send(api.managerToken(), batch), 403, "role-not-allowed");
  }

  @Test
  @DisplayName("ending settles the figures into PostgreSQL, settling again changes nothing")
  void settlementIsIdempotent() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    live.send(ingest, batch("p", 1, viewer(session.sessionId(), "viewer_join", "a"), viewer(session.sessionId(), "viewer_join", "b"),
        like(session.sessionId(), 4), order(session.sessionId(), session.productId(), 3000)));

    Reply ended = api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(session.streamer().token()).send();
    assertEquals(200, ended.status(), ended::toString);
    JsonObject results = live.session(api.managerToken(), session.sessionId()).getJsonObject("results");
    assertEquals(2, results.getInteger("uniqueViewers"));
    assertEquals(2, results.getInteger("peakViewers"));
    assertEquals(4, results.getLong("likes"));
    assertEquals(3000, results.getLong("gmvFen"));
    assertEquals(5000, results.getInteger("conversionBp"), "1 buyer of 2 viewers");
    assertEquals(1500, results.getLong("uvValueFen"));

    assertProblem(api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(session.streamer().token()).send(),
        422, "session-not-live");
    assertEquals(results, live.session(api.managerToken(), session.sessionId()).getJsonObject("results"));
    assertEquals("session-not-live", live.send(ingest, batch("p", 2, like(session.sessionId(), 1)))
        .json().getJsonArray("rejected").getJsonObject(0).getString("reason"));
  }

  @Test
  @DisplayName("the streamer leaderboard equals the sum of orders in PostgreSQL")
  void leaderboardMatchesLedger() {
    var one = live.liveSession();
    var two = live.liveSession();
    String ingest = api.newUser("ingest").token();
    live.send(ingest, batch("lb", 1, order(one.sessionId(), one.productId(), 700), order(one.sessionId(), one.productId(), 300)));
    live.send(ingest, batch("lb", 1, order(two.sessionId(), two.productId(), 5000)));
    live.send(ingest, batch("lb", 2, order(two.sessionId(), two.productId(), 5000)));
    Reply reusedSequence = live.send(ingest, batch("lb", 2, order(two.sessionId(), two.productId(), 9999)));
    assertEquals(true, reusedSequence.json().getBoolean("duplicateBatch"), "a reused sequence is a replay, whatever it holds");

    var items = api.get("/api/v1/live/leaderboard?by=streamer").as(api.managerToken()).send().json().getJsonArray("items");
    long first = gmvOf(items, one.streamer().id());
    long second = gmvOf(items, two.streamer().id());
    assertEquals(ledgerGmv(one.sessionId()), first);
    assertEquals(ledgerGmv(two.sessionId()), second);
    assertEquals(1000, first);
    assertEquals(10000, second, "two orders with distinct ids in two batches");
    assertTrue(rankOf(items, two.streamer().id()) < rankOf(items, one.streamer().id()));
    assertTrue(leaderboardTtlSeconds(one.sessionId()) > 0, "the day's leaderboard expires");
    assertTrue(leaderboardTtlSeconds(two.sessionId()) > 0, "every shard of the day's leaderboard expires");
  }

  @Test
  @DisplayName("the day's leaderboard is spread over shards by session, and a score in the key written before the split still counts")
  void leaderboardShards() {
    var one = live.liveSession();
    var two = live.liveSession();
    String ingest = api.newUser("ingest").token();
    live.send(ingest, batch("shard", 1, order(one.sessionId(), one.productId(), 1200)));
    live.send(ingest, batch("shard", 2, order(two.sessionId(), two.productId(), 3400)));
    LocalDate today = cn.redlive.platform.BaseDays.today(java.time.Clock.systemUTC());
    String shardOfOne = LiveKeys.leaderboard(today, one.sessionId());
    String shardOfTwo = LiveKeys.leaderboard(today, two.sessionId());

    var redis = io.lettuce.core.RedisClient.create(cn.redlive.support.TestServers.redis().uri());
    try (var connection = redis.connect()) {
      var sync = connection.sync();
      assertEquals(1200.0, sync.zscore(shardOfOne, Long.toString(one.sessionId())));
      assertEquals(3400.0, sync.zscore(shardOfTwo, Long.toString(two.sessionId())));
      if (!shardOfOne.equals(shardOfTwo)) assertNull(sync.zscore(shardOfOne, Long.toString(two.sessionId())));
      // as a server from before the split left it: the score only in the day's single key
      sync.zrem(shardOfTwo, Long.toString(two.sessionId()));
      sync.zadd(LiveKeys.unshardedLeaderboard(today), 3400, Long.toString(two.sessionId()));
    } finally {
      redis.shutdown();
    }

    var items = api.get("/api/v1/live/leaderboard?by=streamer").as(api.managerToken()).send().json().getJsonArray("items");
    assertEquals(ledgerGmv(one.sessionId()), gmvOf(items, one.streamer().id()));
    assertEquals(ledgerGmv(two.sessionId()), gmvOf(items, two.streamer().id()));
  }

  @Test
  @DisplayName("a session, the session list and the streamer leaderboard name the streamer by the account's display name")
  void sessionsNameTheirStreamer() {
    var session = live.liveSession();
    live.send(api.newUser("ingest").token(), batch("name", 1, order(session.sessionId(), session.productId(), 100)));
    String name = "测试streamer";

    assertEquals(name, live.session(api.managerToken(), session.sessionId()).getString("streamerName"));
    var listed = api.get("/api/v1/live/sessions?streamerAccountId=" + session.streamer().id()).as(api.managerToken())
        .send().json().getJsonArray("items");
    assertEquals(name, listed.getJsonObject(0).getString("streamerName"));
    var ranked = api.get("/api/v1/live/leaderboard?by=streamer").as(api.managerToken()).send().json().getJsonArray("items")
        .stream().map(i -> (JsonObject) i).filter(i -> i.getLong("streamerAccountId") == session.streamer().id())
        .findFirst().orElseThrow();
    assertEquals(name, ranked.getString("name"));
  }

  @Test
  @DisplayName("the ranking shows the GMV its session's tile shows, even between the counters' write and the board's")
  void rankingAgreesWithTheTile() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    live.send(ingest, batch("tile", 1, order(session.sessionId(), session.productId(), 4200)));
    // the moment between a batch's counters (one script) and its leaderboard score (the next command)
    var redis = io.lettuce.core.RedisClient.create(cn.redlive.support.TestServers.redis().uri());
    try (var connection = redis.connect()) {
      connection.sync().hincrby(new LiveKeys(session.sessionId()).counters(), "gmv", 100);
    } finally {
      redis.shutdown();
    }

    long tile = live.session(api.managerToken(), session.sessionId()).getJsonObject("live").getLong("gmvFen");
    var items = api.get("/api/v1/live/leaderboard?by=streamer").as(api.managerToken()).send().json().getJsonArray("items");
    assertEquals(4300, tile);
    assertEquals(tile, gmvOf(items, session.streamer().id()));
  }

  private static long leaderboardTtlSeconds(long sessionId) {
    var redis = io.lettuce.core.RedisClient.create(cn.redlive.support.TestServers.redis().uri());
    try (var connection = redis.connect()) {
      return connection.sync().ttl(LiveKeys.leaderboard(cn.redlive.platform.BaseDays.today(java.time.Clock.systemUTC()), sessionId));
    } finally {
      redis.shutdown();
    }
  }

  @Test
  @DisplayName("a streamer cannot read or stream another streamer's session")
  void sessionsArePrivate() {
    var session = live.liveSession();
    var other = api.newUser("streamer");
    assertProblem(api.get("/api/v1/live/sessions/" + session.sessionId()).as(other.token()).send(), 404, "not-found");
    assertProblem(api.get("/api/v1/live/sessions/" + session.sessionId() + "/stream").as(other.token()).send(), 404, "not-found");
    assertProblem(api.get("/api/v1/live/sessions/" + session.sessionId()).as(api.newUser("brand_partner").token()).send(),
        403, "role-not-allowed");
  }

  @Test
  @DisplayName("a session sells at least one product, each approved and on the streamer's selection list")
  void sessionsSellOnlySelectedApprovedProducts() {
    var session = live.liveSession();
    var otherStreamer = api.newUser("streamer");
    JsonObject schedule = new JsonObject().put("title", "不该开播").put("plannedStart", "2026-11-30T10:00:00+08:00")
        .put("plannedEnd", "2026-11-30T12:00:00+08:00")
        .put("productIds", new io.vertx.core.json.JsonArray().add(session.productId()));

    Reply notSelected = api.post("/api/v1/live/sessions").as(otherStreamer.token()).json(schedule).send();
    assertProblem(notSelected, 422, "product-not-sellable");
    assertTrue(notSelected.json().getString("detail").contains("selection"), notSelected::toString);

    api.post("/api/v1/products/" + session.productId() + "/delist").as(api.managerToken()).send();
    Reply delisted = api.post("/api/v1/live/sessions").as(session.streamer().token()).json(schedule).send();
    assertProblem(delisted, 422, "product-not-sellable");

    schedule.put("productIds", new io.vertx.core.json.JsonArray());
    assertProblem(api.post("/api/v1/live/sessions").as(session.streamer().token()).json(schedule).send(),
        422, "session-without-products");
    schedule.remove("productIds");
    assertProblem(api.post("/api/v1/live/sessions").as(session.streamer().token()).json(schedule).send(),
        422, "session-without-products");
  }

  private static long gmvOf(io.vertx.core.json.JsonArray items, long streamerId) {
    return items.stream().map(i -> (JsonObject) i).filter(i -> i.getLong("streamerAccountId") == streamerId)
        .findFirst().map(i -> i.getLong("gmvFen")).orElse(0L);
  }

  private static int rankOf(io.vertx.core.json.JsonArray items, long streamerId) {
    return items.stream().map(i -> (JsonObject) i).filter(i -> i.getLong("streamerAccountId") == streamerId)
        .findFirst().map(i -> i.getInteger("rank")).orElseThrow();
  }

  /** On the database of a server with a Redis of its own (see TestApp.settings). */
  static long ledgerGmv(cn.redlive.support.TestApp app, long sessionId) {
    return app.queryLong("SELECT coalesce(sum(amount_fen), 0) FROM sales_orders WHERE session_id = " + sessionId);
  }

  static long ledgerGmv(long sessionId) {
    try (var db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cn.redlive.support.TestServers.postgres().port()
        + "/postgres", "postgres", "")) {
      var rs = db.createStatement().executeQuery("SELECT coalesce(sum(amount_fen), 0) FROM sales_orders WHERE session_id = " + sessionId);
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
