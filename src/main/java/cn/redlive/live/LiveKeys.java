package cn.redlive.live;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis keys of a live session. All of a session's keys ({@code live:{ID}:part}) share the hash tag {ID}, so they sit
 * in one Redis Cluster slot and one Lua script may touch them together (scripts/cluster_test.py relies on this shape).
 */
record LiveKeys(long sessionId) {

  private String key(String part) {
    return "live:{" + sessionId + "}:" + part;
  }

  String meta() {
    return key("meta");
  }

  String counters() {
    return key("c");
  }

  String uniqueViewers() {
    return key("uv");
  }

  String heartbeats() {
    return key("hb");
  }

  String producerSequences() {
    return key("seq");
  }

  String gmvByProduct() {
    return key("gmvp");
  }

  String gmvByMinute() {
    return key("gmvm");
  }

  String viewersByMinute() {
    return key("vm");
  }

  String buyers() {
    return key("buyers");
  }

  /** The exact set of distinct viewers, for the settled figures (the HLL beside it is the cheap live estimate). */
  String uniqueViewerSet() {
    return key("uvs");
  }

  /** The newest orders and comments, newest first, capped (see LiveFeed). */
  String feed() {
    return key("feed");
  }

  /** In the order apply-batch.lua expects them. */
  String[] forBatch() {
    return new String[] {meta(), counters(), uniqueViewers(), heartbeats(), producerSequences(), gmvByProduct(),
        gmvByMinute(), buyers(), uniqueViewerSet(), feed()};
  }

  String[] all() {
    return new String[] {meta(), counters(), uniqueViewers(), heartbeats(), producerSequences(), gmvByProduct(),
        gmvByMinute(), viewersByMinute(), buyers(), uniqueViewerSet(), feed()};
  }

  /**
   * A day's leaderboard is split over {@value #LEADERBOARD_SHARDS} keys by session id: every order batch writes its
   * session's score, and on Redis Cluster one key per day was one hot slot that every instance wrote and every
   * ranking read whole. Each shard has its own hash tag, so the shards spread over the masters.
   */
  static final int LEADERBOARD_SHARDS = 16;

  /** The shard of a day's leaderboard holding this session's GMV of the day (an absolute value). */
  static String leaderboard(LocalDate day, long sessionId) {
    return "live:lb:{" + day + ":" + Math.floorMod(sessionId, LEADERBOARD_SHARDS) + "}";
  }

  /** Every shard of a day's leaderboard, then the single key written before the split (read while it lasts). */
  static List<String> leaderboardKeys(LocalDate day) {
    List<String> keys = new ArrayList<>(LEADERBOARD_SHARDS + 1);
    for (int shard = 0; shard < LEADERBOARD_SHARDS; shard++) keys.add(leaderboard(day, shard));
    keys.add(unshardedLeaderboard(day));
    return keys;
  }

  /** The one key per day that servers before the split wrote; during a rolling upgrade both kinds are read. */
  static String unshardedLeaderboard(LocalDate day) {
    return "live:lb:{" + day + "}";
  }
}
