package cn.redlive.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The rolling feed of a session's orders and comments the big screen and the streamer's page show. Redis keeps the
 * newest {@value #KEPT} per session in a capped list, pushed by the batch script itself: the entries count exactly as
 * the counters do (a replayed batch hits the sequence check and adds nothing; a copy of an order another batch
 * brought never reaches Redis). Names are masked before they are stored, so no full name leaves the ingest.
 */
final class LiveFeed {

  /** Entries kept per session in Redis. */
  static final int KEPT = 50;
  /** Entries a page shows (and a stream's first frame carries). */
  static final int SHOWN = 10;

  static final String ANONYMOUS = "匿名用户";

  private LiveFeed() {
  }

  /**
   * The feed entries of one session's share of a batch, oldest first (the script pushes each to the head), at most
   * {@value #KEPT}: older ones would be trimmed at once, and every argument costs the script a Lua string.
   * Each is a JSON object without its {@code seq}, which the script adds.
   */
  static List<String> entries(List<LiveEvent> events) {
    List<String> entries = new ArrayList<>();
    for (LiveEvent e : events) {
      if (e.type() != LiveEvent.Type.ORDER && e.type() != LiveEvent.Type.COMMENT) continue;
      JsonObject entry = new JsonObject()
          .put("kind", e.type().code)
          .put("name", mask(e.nickname()))
          .put("at", e.at().toString());
      if (e.type() == LiveEvent.Type.ORDER) {
        entry.put("productId", e.productId()).put("quantity", e.quantity()).put("amountFen", e.amountFen());
      } else if (e.text() != null) {
        entry.put("text", e.text());
      }
      entries.add(entry.encode());
    }
    return entries.size() <= KEPT ? entries : entries.subList(entries.size() - KEPT, entries.size());
  }

  /** 张三丰 -> 张**, as shopping platforms show buyers: the first character, the length hidden too. */
  static String mask(String nickname) {
    if (nickname == null || nickname.isBlank()) return ANONYMOUS;
    int first = nickname.codePointAt(0);
    return new String(Character.toChars(first)) + "**";
  }

  /** Stored entries (newest first) as the API shows them. */
  static JsonArray toJson(List<String> stored) {
    JsonArray items = new JsonArray();
    for (String entry : stored) items.add(new JsonObject(entry));
    return items;
  }
}
