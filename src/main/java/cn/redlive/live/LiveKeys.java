package cn.redlive.live;

import java.time.LocalDate;

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

  /** In the order apply-batch.lua expects them. */
  String[] forBatch() {
    return new String[] {meta(), counters(), uniqueViewers(), heartbeats(), producerSequences(), gmvByProduct(),
        gmvByMinute(), buyers(), uniqueViewerSet()};
  }

  String[] all() {
    return new String[] {meta(), counters(), uniqueViewers(), heartbeats(), producerSequences(), gmvByProduct(),
        gmvByMinute(), viewersByMinute(), buyers(), uniqueViewerSet()};
  }

  /** Today's GMV per session (absolute values), the source of the streamer and team leaderboards. */
  static String leaderboard(LocalDate day) {
    return "live:lb:{" + day + "}";
  }
}
