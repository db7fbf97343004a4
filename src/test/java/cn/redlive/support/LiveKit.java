package cn.redlive.support;

import cn.redlive.catalog.Catalogs;
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

  public record Live(long sessionId, Api.NewUser streamer, long productId) {
  }

  /**
   * A new streamer's live session selling one product that a brand partner listed, a manager approved and the
   * streamer put on a selection list: the path a real session takes.
   */
  public Live liveSession() {
    Live scheduled = scheduledSession();
    Reply started = api.post("/api/v1/live/sessions/" + scheduled.sessionId() + "/start").as(scheduled.streamer().token()).send();
    if (started.status() != 200) throw new AssertionError(started.toString());
    return scheduled;
  }

  /** Like {@link #liveSession()}, but the session is only scheduled. */
  public Live scheduledSession() {
    Api.NewUser streamer = api.newUser("streamer");
    long product = sellableProduct(streamer);
    Reply scheduled = api.post("/api/v1/live/sessions").as(streamer.token()).json(new JsonObject()
        .put("title", "测试直播").put("plannedStart", "2026-11-29T10:00:00+08:00")
        .put("plannedEnd", "2026-11-29T12:00:00+08:00").put("productIds", new JsonArray().add(product))).send();
    if (scheduled.status() != 201) throw new AssertionError(scheduled.toString());
    return new Live(scheduled.json().getLong("id"), streamer, product);
  }

  /** A product a brand partner listed and a manager approved, put on this streamer's selection list. */
  public long sellableProduct(Api.NewUser streamer) {
    Catalogs catalogs = new Catalogs(api);
    var brand = catalogs.newBrand("银川市");
    long product = catalogs.newProduct(brand.partner().token(), uniqueId("SKU"), "宁夏枸杞原浆", "枸杞", 9900);
    Reply approved = api.post("/api/v1/products/" + product + "/approve").as(catalogs.manager()).send();
    if (approved.status() != 200) throw new AssertionError(approved.toString());
    Reply list = api.post("/api/v1/selection-lists").as(streamer.token()).json(new JsonObject()
        .put("title", "测试选品").put("plannedDate", java.time.LocalDate.now().plusDays(1).toString())).send();
    if (list.status() != 201) throw new AssertionError(list.toString());
    Reply selected = api.put("/api/v1/selection-lists/" + list.json().getLong("id") + "/items/" + product)
        .as(streamer.token()).send();
    if (selected.status() >= 300) throw new AssertionError(selected.toString());
    return product;
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

  /** An order by a buyer the platform names (the rolling feed shows the name masked). */
  public static JsonObject namedOrder(long sessionId, long productId, long amountFen, String nickname) {
    return order(sessionId, productId, amountFen).put("nickname", nickname);
  }

  public static JsonObject comment(long sessionId, String nickname, String text) {
    return new JsonObject().put("eventId", uniqueId("e")).put("sessionId", sessionId).put("type", "comment")
        .put("viewerId", uniqueId("viewer")).put("nickname", nickname).put("text", text);
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
