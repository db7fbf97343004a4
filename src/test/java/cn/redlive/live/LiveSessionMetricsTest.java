package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.support.LiveKit.viewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Live session metrics by the README's definitions")
class LiveSessionMetricsTest {

  private final Api api = TestApp.shared().api();
  private final LiveKit live = new LiveKit(api);

  @Test
  @DisplayName("a refund of a live order reduces net GMV and is not an order: one order and one refund settle as 1 order")
  void refundIsNotAnOrder() {
    var session = live.liveSession();
    String orderId = LiveKit.uniqueId("order");
    live.send(ingest(), batch("p", 1, viewer(session.sessionId(), "viewer_join", "a"),
        order(session.sessionId(), session.productId(), 5000, orderId)));
    JsonObject refund = new SalesKit(api).imported("订单号,下单时间,主播账号,商品ID,数量,金额,类型,原订单号\r\n"
        + String.join(",", LiveKit.uniqueId("r"), Instant.now().toString(), session.streamer().username(),
        String.valueOf(session.productId()), "", "20.00", "退款", orderId) + "\r\n");
    assertEquals(1, refund.getInteger("inserted"), refund::encode);

    JsonObject results = end(session);

    assertEquals(1, results.getInteger("orders"));
    assertEquals(1, results.getInteger("buyers"));
    assertEquals(5000, results.getLong("gmvFen"));
    assertEquals(-2000, results.getLong("refundFen"));
    assertEquals(3000, results.getLong("netGmvFen"));
    JsonObject product = results.getJsonArray("products").getJsonObject(0);
    assertEquals(session.productId(), product.getLong("productId"));
    assertEquals(1, product.getLong("orders"));
    assertEquals(5000, product.getLong("gmvFen"));
    assertEquals(-2000, product.getLong("refundFen"));
  }

  @Test
  @DisplayName("5,000 distinct viewers settle as exactly 5,000 unique viewers, the live figure is labelled an estimate")
  void exactUniqueViewers() {
    var session = live.liveSession();
    String ingest = ingest();
    for (int b = 0; b < 10; b++) {
      JsonObject[] events = new JsonObject[500];
      for (int i = 0; i < 500; i++) events[i] = viewer(session.sessionId(), "viewer_join", "v" + (b * 500 + i));
      assertEquals(200, live.send(ingest, batch("uv", b + 1, events)).status());
    }
    JsonObject during = live.session(session.streamer().token(), session.sessionId()).getJsonObject("live");
    assertTrue(during.getBoolean("uniqueViewersEstimated"));

    JsonObject results = end(session);

    assertEquals(5000, results.getInteger("uniqueViewers"));
    assertEquals(5000, results.getLong("views"));
  }

  @Test
  @DisplayName("views count every entry, GPM is GMV per 1,000 views, per-product GMV shows while live")
  void viewsAndGpm() {
    var session = live.liveSession();
    String ingest = ingest();
    long id = session.sessionId();
    live.send(ingest, batch("g", 1, viewer(id, "viewer_join", "a"), viewer(id, "viewer_leave", "a"),
        viewer(id, "viewer_join", "a"), viewer(id, "viewer_join", "b"), order(id, session.productId(), 990)));

    JsonObject during = live.session(session.streamer().token(), id).getJsonObject("live");
    assertEquals(3, during.getLong("views"), "a viewer who comes back is counted again");
    assertEquals(330_000, during.getLong("gpmFen"), "990 fen over 3 views, per 1,000 views");
    assertEquals(new JsonArray().add(new JsonObject().put("productId", session.productId()).put("gmvFen", 990)),
        during.getJsonArray("products"));
    JsonObject results = end(session);
    assertEquals(2, results.getInteger("uniqueViewers"));
    assertEquals(3, results.getLong("views"));
    assertEquals(330_000, results.getLong("gpmFen"));
  }

  @Test
  @DisplayName("watch time runs on event time: a join 40 s before a leave sent a moment later counts 40 s")
  void watchTimeFromEventTime() {
    var session = live.liveSession();
    String ingest = ingest();
    long id = session.sessionId();
    Instant now = Instant.now();
    live.send(ingest, batch("w", 1, viewer(id, "viewer_join", "a").put("at", now.minusSeconds(40).toString())));
    live.send(ingest, batch("w", 2, viewer(id, "viewer_leave", "a").put("at", now.toString())));
    live.send(ingest, batch("w", 3, viewer(id, "viewer_join", "b").put("at", now.minusSeconds(30).toString()),
        viewer(id, "heartbeat", "b").put("at", now.minusSeconds(10).toString()),
        viewer(id, "viewer_leave", "b").put("at", now.toString())));

    JsonObject results = end(session);

    assertEquals(35, results.getInteger("avgWatchSeconds"), "(40 s + 30 s) over 2 viewers");
  }

  @Test
  @DisplayName("a join 120 s before a leave with nothing between counts 60 s: silent for longer, a viewer stopped watching")
  void watchTimeGapIsCapped() {
    var session = live.liveSession();
    long id = session.sessionId();
    Instant now = Instant.now();
    live.send(ingest(), batch("c", 1, viewer(id, "viewer_join", "a").put("at", now.minusSeconds(120).toString()),
        viewer(id, "viewer_leave", "a").put("at", now.toString())));

    assertEquals(60, end(session).getInteger("avgWatchSeconds"));
  }

  @Test
  @DisplayName("an order dated 400 days back or an event from the future is rejected, not booked on its own date")
  void eventTimeWindow() {
    var session = live.liveSession();
    long id = session.sessionId();
    Reply reply = live.send(ingest(), batch("t", 1,
        order(id, session.productId(), 100).put("at", Instant.now().minus(Duration.ofDays(400)).toString()),
        viewer(id, "viewer_join", "a").put("at", Instant.now().plus(Duration.ofHours(1)).toString()),
        viewer(id, "viewer_join", "b").put("at", Instant.now().minusSeconds(30).toString())));

    assertEquals(200, reply.status(), reply::toString);
    assertEquals(1, reply.json().getInteger("accepted"));
    JsonArray rejected = reply.json().getJsonArray("rejected");
    assertEquals("event-time-out-of-window", rejected.getJsonObject(0).getString("reason"));
    assertEquals("event-time-out-of-window", rejected.getJsonObject(1).getString("reason"));
    assertEquals(0, end(session).getInteger("orders"));
  }

  private String ingest() {
    return api.newUser("ingest").token();
  }

  private JsonObject end(LiveKit.Live session) {
    Reply ended = api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(session.streamer().token()).send();
    assertEquals(200, ended.status(), ended::toString);
    return live.session(api.managerToken(), session.sessionId()).getJsonObject("results");
  }
}
