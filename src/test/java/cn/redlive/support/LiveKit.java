package cn.redlive.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/** Test helpers for live sessions: a live session of a fresh streamer, and event batches. */
public final class LiveKit {

  private static final AtomicLong IDS = new AtomicLong();

  private final Api api;

  public LiveKit(Api api) {
    this.api = api;
  }

  public record Live(long sessionId, Api.NewUser streamer) {
  }

  /** A new streamer's session, scheduled with these products and started. */
  public Live liveSession(long... productIds) {
    Api.NewUser streamer = api.newUser("streamer");
    JsonArray products = new JsonArray();
    for (long p : productIds) products.add(p);
    Reply scheduled = api.post("/api/v1/live/sessions").as(streamer.token()).json(new JsonObject()
        .put("title", "测试直播").put("plannedStart", "2026-11-29T10:00:00+08:00")
        .put("plannedEnd", "2026-11-29T12:00:00+08:00").put("productIds", products)).send();
    if (scheduled.status() != 201) throw new AssertionError(scheduled.toString());
    long id = scheduled.json().getLong("id");
    Reply started = api.post("/api/v1/live/sessions/" + id + "/start").as(streamer.token()).send();
    if (started.status() != 200) throw new AssertionError(started.toString());
    return new Live(id, streamer);
  }

  public static String uniqueId(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
  }

  public static JsonObject like(long sessionId, int count) {
    return new JsonObject().put("eventId", uniqueId("e")).put("sessionId", sessionId).put("type", "like").put("count", count);
  }

  public static JsonObject order(long sessionId, long productId, long amountFen) {
    return order(sessionId, productId, amountFen, uniqueId("order"));
  }

  public static JsonObject order(long sessionId, long productId, long amountFen, String orderId) {
    return new JsonObject().put("eventId", uniqueId("e")).put("sessionId", sessionId).put("type", "order")
        .put("orderId", orderId).put("productId", productId).put("quantity", 1).put("amountFen", amountFen)
        .put("buyerId", uniqueId("buyer"));
  }

  public static JsonObject viewer(long sessionId, String type, String viewerId) {
    return new JsonObject().put("eventId", uniqueId("e")).put("sessionId", sessionId).put("type", type).put("viewerId", viewerId);
  }

  public static JsonObject batch(String producerId, long sequence, JsonObject... events) {
    JsonArray list = new JsonArray();
    for (JsonObject e : events) list.add(e);
    return new JsonObject().put("producerId", producerId).put("sequence", sequence).put("events", list);
  }

  public Reply send(String ingestToken, JsonObject batch) {
    return api.post("/api/v1/live/events").as(ingestToken).json(batch).send();
  }

  public JsonObject session(String token, long sessionId) {
    Reply reply = api.get("/api/v1/live/sessions/" + sessionId).as(token).send();
    if (reply.status() != 200) throw new AssertionError(reply.toString());
    return reply.json();
  }
}
