package cn.redlive.live;

import cn.redlive.platform.LuaScript;
import cn.redlive.platform.Redis;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The live counters of sessions in Redis: applying batches, sampling viewers, reading snapshots, leaderboards. */
final class LiveCounters {

  private static final LuaScript APPLY = LuaScript.fromClasspath("live/apply-batch.lua");
  private static final LuaScript SAMPLE = LuaScript.fromClasspath("live/sample-viewers.lua");
  private static final LuaScript RESTORE = LuaScript.fromClasspath("live/restore-session.lua");

  /** What happened to one session's share of a batch. */
  enum Outcome { APPLIED, DUPLICATE_BATCH, NOT_LIVE, STATE_LOST }

  record Applied(Outcome outcome, long gmvFen) {
  }

  /** A viewer silent this long is no longer watching: pruned from concurrent, and a gap counts at most this much. */
  static final long SILENT_AFTER_MS = 60_000;

  private final Redis redis;

  LiveCounters(Redis redis) {
    this.redis = redis;
  }

  Future<Void> markLive(LiveSession session) {
    return redis.call(r -> r.hset(new LiveKeys(session.id()).meta(), Map.of(
        "status", LiveSession.LIVE,
        "streamer", Long.toString(session.streamerAccountId())))).mapEmpty();
  }

  Future<Void> markEnded(long sessionId) {
    return redis.call(r -> r.hset(new LiveKeys(sessionId).meta(), "status", LiveSession.ENDED)).mapEmpty();
  }

  /** Whether Redis still holds the session's state (its meta key); false after Redis lost its data. */
  Future<Boolean> hasState(long sessionId) {
    return redis.call(r -> r.exists(new LiveKeys(sessionId).meta())).map(n -> n > 0);
  }

  /** Rebuilds a session's state unless it is there (see restore-session.lua); answers whether it rebuilt. */
  Future<Boolean> restore(LiveSession session, SessionRepository.LostState state, long nowMillis) {
    LiveKeys keys = new LiveKeys(session.id());
    List<String> args = new ArrayList<>(List.of(session.status(), Long.toString(session.streamerAccountId()),
        Long.toString(nowMillis), Integer.toString(state.counters().size())));
    state.counters().forEach((name, value) -> { args.add(name); args.add(Long.toString(value)); });
    state.sequences().forEach((producer, sequence) -> { args.add(producer); args.add(Long.toString(sequence)); });
    return redis.eval(RESTORE, new String[] {keys.meta(), keys.counters(), keys.producerSequences()},
        args.toArray(String[]::new)).map(result -> (Long) result.get(0) == 1L);
  }

  /** The last batch sequence applied for this producer and session, or -1. */
  Future<Long> lastSequence(long sessionId, String producerId) {
    return redis.call(r -> r.hget(new LiveKeys(sessionId).producerSequences(), producerId))
        .map(v -> v == null ? -1L : Long.parseLong(v));
  }

  Future<Applied> apply(long sessionId, String producerId, long sequence, List<LiveEvent> events, long nowMillis) {
    String[] args = CounterDelta.args(producerId, sequence, nowMillis, events);
    return redis.eval(APPLY, new LiveKeys(sessionId).forBatch(), args).map(result -> {
      long status = (Long) result.get(0);
      long gmv = (Long) result.get(1);
      Outcome outcome = status == 1 ? Outcome.APPLIED : status == 0 ? Outcome.DUPLICATE_BATCH
          : status == -2 ? Outcome.STATE_LOST : Outcome.NOT_LIVE;
      return new Applied(outcome, gmv);
    });
  }

  /** Prunes silent viewers and records concurrent and peak viewers; returns {concurrent, peak}. */
  Future<long[]> sampleViewers(long sessionId, long nowMillis) {
    LiveKeys keys = new LiveKeys(sessionId);
    return redis.eval(SAMPLE, new String[] {keys.heartbeats(), keys.counters(), keys.viewersByMinute()},
        Long.toString(nowMillis)).map(r -> new long[] {(Long) r.get(0), (Long) r.get(1)});
  }

  /** Everything the big screen shows for one session, read in one round of pipelined commands. */
  Future<JsonObject> snapshot(long sessionId, long nowMillis) {
    LiveKeys keys = new LiveKeys(sessionId);
    Future<Map<String, String>> counters = redis.call(r -> r.hgetall(keys.counters()));
    Future<Long> unique = redis.call(r -> r.pfcount(keys.uniqueViewers()));
    Future<Long> buyers = redis.call(r -> r.pfcount(keys.buyers()));
    Future<Long> concurrent = redis.call(r -> r.zcount(keys.heartbeats(),
        io.lettuce.core.Range.create((double) (nowMillis - 60_000), Double.POSITIVE_INFINITY)));
    Future<Map<String, String>> gmvByMinute = redis.call(r -> r.hgetall(keys.gmvByMinute()));
    Future<Map<String, String>> viewersByMinute = redis.call(r -> r.hgetall(keys.viewersByMinute()));
    Future<Map<String, String>> gmvByProduct = redis.call(r -> r.hgetall(keys.gmvByProduct()));
    return Future.all(List.of(counters, unique, buyers, concurrent, gmvByMinute, viewersByMinute, gmvByProduct)).map(v -> {
      SessionFigures figures = figures(sessionId, counters.result(), unique.result(), buyers.result());
      // one frame never shows an impossible trio: the peak is at least who watches now (the batch script keeps it,
      // a frame read between two commands could still see them apart) and unique viewers at least the peak (the
      // live count is an estimate)
      long peak = Math.max(figures.peakViewers(), concurrent.result());
      return figures.toJson()
          .put("peakViewers", peak)
          .put("uniqueViewers", Math.max(figures.uniqueViewers(), peak))
          .put("uniqueViewersEstimated", true)
          .put("sessionId", sessionId)
          .put("concurrentViewers", concurrent.result())
          .put("at", java.time.Instant.ofEpochMilli(nowMillis).toString())
          .put("products", products(gmvByProduct.result()))
          .put("series", new JsonObject()
              .put("gmvFenPerMinute", series(gmvByMinute.result()))
              .put("viewersPerMinute", series(viewersByMinute.result())));
    });
  }

  /** Figures for a flush while live: unique viewers and buyers are HyperLogLog estimates (within about 1%). */
  Future<SessionFigures> figures(long sessionId) {
    LiveKeys keys = new LiveKeys(sessionId);
    Future<Map<String, String>> counters = redis.call(r -> r.hgetall(keys.counters()));
    Future<Long> unique = redis.call(r -> r.pfcount(keys.uniqueViewers()));
    Future<Long> buyers = redis.call(r -> r.pfcount(keys.buyers()));
    return Future.all(counters, unique, buyers)
        .map(v -> figures(sessionId, counters.result(), unique.result(), buyers.result()));
  }

  /** Figures for the final settlement: unique viewers counted exactly (buyers come from the ledger). */
  Future<SessionFigures> exactFigures(long sessionId) {
    LiveKeys keys = new LiveKeys(sessionId);
    Future<Map<String, String>> counters = redis.call(r -> r.hgetall(keys.counters()));
    Future<Long> unique = redis.call(r -> r.scard(keys.uniqueViewerSet()));
    return Future.all(counters, unique).map(v -> figures(sessionId, counters.result(), unique.result(), 0));
  }

  /** The newest {@code limit} entries of the session's rolling feed, newest first (stored JSON, see LiveFeed). */
  Future<List<String>> feed(long sessionId, int limit) {
    return redis.call(r -> r.lrange(new LiveKeys(sessionId).feed(), 0, limit - 1L));
  }

  /** GMV per product while live (orders of the batch, before refunds), largest first. */
  Future<JsonArray> gmvByProduct(long sessionId) {
    return redis.call(r -> r.hgetall(new LiveKeys(sessionId).gmvByProduct())).map(LiveCounters::products);
  }

  private static JsonArray products(Map<String, String> gmvByProduct) {
    JsonArray list = new JsonArray();
    gmvByProduct.entrySet().stream().sorted((x, y) -> Long.compare(Long.parseLong(y.getValue()), Long.parseLong(x.getValue())))
        .forEach(e -> list.add(new JsonObject().put("productId", Long.parseLong(e.getKey())).put("gmvFen", Long.parseLong(e.getValue()))));
    return list;
  }

  /** Keys of a settled session go away after a grace period (the results live in PostgreSQL). */
  Future<Void> expire(long sessionId, long seconds) {
    List<Future<Boolean>> all = new ArrayList<>();
    for (String key : new LiveKeys(sessionId).all()) all.add(redis.call(r -> r.expire(key, seconds)));
    return Future.all(all).mapEmpty();
  }

  /**
   * Each session's GMV from its own counters, the number its GMV tile shows; sessions whose counters expired after
   * settlement are missing. Pipelined: one round trip for all of them.
   */
  Future<Map<Long, Long>> gmvOf(List<Long> sessionIds) {
    List<Future<String>> reads = sessionIds.stream()
        .<Future<String>>map(id -> redis.call(r -> r.hget(new LiveKeys(id).counters(), "gmv"))).toList();
    return Future.all(reads).map(done -> {
      Map<Long, Long> gmv = new HashMap<>();
      for (int i = 0; i < sessionIds.size(); i++) {
        String value = reads.get(i).result();
        if (value != null) gmv.put(sessionIds.get(i), Long.parseLong(value));
      }
      return gmv;
    });
  }

  /** Records the session's GMV of the day as an absolute value; GT keeps a late, smaller write from going back. */
  Future<Void> recordLeaderboard(LocalDate day, long sessionId, long gmvFen) {
    String key = LiveKeys.leaderboard(day, sessionId);
    Future<Long> added = redis.call(r -> r.zadd(key, ZAddArgs.Builder.gt(), (double) gmvFen, Long.toString(sessionId)));
    if (!expiryDue(key)) return added.mapEmpty();
    // both go out at once (one round trip); Lettuce keeps their order on the connection
    return Future.all(added, redis.call(r -> r.expire(key, LEADERBOARD_TTL_SECONDS))).mapEmpty();
  }

  static final long LEADERBOARD_TTL_SECONDS = 3 * 24 * 3600L;
  /** How often this instance renews a leaderboard shard's expiry: an EXPIRE per batch with orders was a third command. */
  private static final long EXPIRY_RENEWAL_NANOS = 60_000_000_000L;

  /** When this instance last set each shard's expiry (event loops race harmlessly on it: at worst one more EXPIRE). */
  private final ConcurrentHashMap<String, Long> lastExpiry = new ConcurrentHashMap<>();

  /**
   * Whether a leaderboard shard needs its expiry (re)set: on its first write of a day and then once a minute, so a
   * key Redis lost and ZADD created again without one gets it back.
   */
  private boolean expiryDue(String key) {
    long now = System.nanoTime();
    Long last = lastExpiry.get(key);
    if (last != null && now - last < EXPIRY_RENEWAL_NANOS) return false;
    // yesterday's shards are not written again: forget them rather than keep a key per shard and day
    if (lastExpiry.size() > 4 * LiveKeys.LEADERBOARD_SHARDS) lastExpiry.clear();
    lastExpiry.put(key, now);
    return true;
  }

  /**
   * Each session's GMV of the day over all shards, read in one pipelined round trip. A session found in both a shard
   * and the key written before the split keeps its larger score, as ZADD GT would have.
   */
  Future<List<ScoredValue<String>>> leaderboard(LocalDate day) {
    List<Future<List<ScoredValue<String>>>> shards = LiveKeys.leaderboardKeys(day).stream()
        .<Future<List<ScoredValue<String>>>>map(key -> redis.call(r -> r.zrangeWithScores(key, 0, -1))).toList();
    return Future.all(shards).map(done -> {
      Map<String, ScoredValue<String>> bySession = new HashMap<>();
      for (var shard : shards) {
        for (ScoredValue<String> s : shard.result()) {
          bySession.merge(s.getValue(), s, (a, b) -> a.getScore() >= b.getScore() ? a : b);
        }
      }
      return new ArrayList<>(bySession.values());
    });
  }

  private static SessionFigures figures(long sessionId, Map<String, String> c, long unique, long buyers) {
    return new SessionFigures(sessionId, (int) num(c, "peak"), (int) unique, num(c, "views"), num(c, "likes"),
        (int) num(c, "fans"), (int) num(c, "comments"), (int) num(c, "shares"), (int) num(c, "orders"), (int) buyers,
        num(c, "gmv"), 0, num(c, "watch_ms") / 1000);
  }

  private static long num(Map<String, String> map, String key) {
    String v = map.get(key);
    return v == null ? 0 : Long.parseLong(v);
  }

  private static JsonArray series(Map<String, String> byMinute) {
    JsonArray points = new JsonArray();
    new TreeMap<>(byMinute).forEach((minute, value) -> points.add(new JsonObject()
        .put("minute", java.time.Instant.ofEpochMilli(Long.parseLong(minute) * 60_000).toString())
        .put("value", Long.parseLong(value))));
    return points;
  }
}
