package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.comment;
import static cn.redlive.support.LiveKit.namedOrder;
import static cn.redlive.support.LiveKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The rolling feed of a live session's orders and comments")
class LiveFeedTest {

  private final Api api = TestApp.shared().api();
  private final LiveKit live = new LiveKit(api);

  @Test
  @DisplayName("the feed keeps the newest 50 orders and comments, newest first, with every name masked")
  void feedIsCappedNewestFirstAndMasked() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    long id = session.sessionId();
    for (int b = 1; b <= 6; b++) {
      List<JsonObject> events = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = (b - 1) * 10 + i + 1;
        events.add(n % 2 == 0 ? namedOrder(id, session.productId(), 100L * n, "张三丰" + n)
            : comment(id, "李四" + n, "第" + n + "条评论"));
      }
      assertAccepted(live.send(ingest, batch("feed", b, events.toArray(JsonObject[]::new))));
    }

    Reply feed = feed(session.streamer().token(), id);
    assertEquals(200, feed.status(), feed::toString);
    JsonArray items = feed.json().getJsonArray("items");
    assertEquals(50, items.size(), "60 sent, the newest 50 kept");
    assertEquals(50, feed.json().getInteger("kept"));
    JsonObject newest = items.getJsonObject(0);
    assertEquals("order", newest.getString("kind"));
    assertEquals(6000, newest.getLong("amountFen"), "the 60th event, sent last, comes first");
    assertEquals("张**", newest.getString("name"));
    assertEquals(session.productId(), newest.getLong("productId"));
    assertEquals(1, newest.getInteger("quantity"));
    JsonObject second = items.getJsonObject(1);
    assertEquals("comment", second.getString("kind"));
    assertEquals("李**", second.getString("name"));
    assertEquals("第59条评论", second.getString("text"));
    for (int i = 1; i < items.size(); i++) {
      assertEquals(items.getJsonObject(i - 1).getLong("seq") - 1, items.getJsonObject(i).getLong("seq"), "seq falls by one");
    }
    assertEquals("第11条评论", items.getJsonObject(49).getString("text"), "the oldest kept is the 11th");
    assertFalse(feed.body().contains("张三丰") || feed.body().contains("李四"), "no full name leaves the server: " + feed.body());

    // the session itself carries the newest ten, the ones a page shows first
    JsonArray shown = live.session(api.managerToken(), id).getJsonObject("live").getJsonArray("feed");
    assertEquals(10, shown.size());
    assertEquals(items.getJsonObject(0), shown.getJsonObject(0));
  }

  @Test
  @DisplayName("a retried batch and a copy of an order another producer sent enter the feed once")
  void replaysEnterTheFeedOnce() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    long id = session.sessionId();
    String orderId = LiveKit.uniqueId("order");
    JsonObject first = batch("app-a", 1,
        order(id, session.productId(), 4200, orderId).put("nickname", "王小明"), comment(id, "赵六", "好吃"));

    assertAccepted(live.send(ingest, first));
    Reply retry = live.send(ingest, first);
    assertEquals(true, retry.json().getBoolean("duplicateBatch"), retry::toString);
    Reply copy = live.send(ingest, batch("app-b", 1, order(id, session.productId(), 4200, orderId).put("nickname", "王小明")));
    assertEquals("duplicate-order", copy.json().getJsonArray("rejected").getJsonObject(0).getString("reason"), copy::toString);

    JsonArray items = feed(session.streamer().token(), id).json().getJsonArray("items");
    assertEquals(2, items.size(), items::encodePrettily);
    assertEquals("赵**", items.getJsonObject(0).getString("name"));
    assertEquals("王**", items.getJsonObject(1).getString("name"));
    assertEquals(4200, items.getJsonObject(1).getLong("amountFen"));
  }

  @Test
  @DisplayName("an order without a nickname shows as 匿名用户, and a nickname that is not short text is refused on its own")
  void missingAndBadNicknames() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    long id = session.sessionId();
    Reply reply = live.send(ingest, batch("names", 1, order(id, session.productId(), 500),
        comment(id, "x".repeat(33), "太长的昵称"), order(id, session.productId(), 600).put("nickname", 42)));

    assertEquals(200, reply.status(), reply::toString);
    assertEquals(1, reply.json().getInteger("accepted"), reply::toString);
    for (Object r : reply.json().getJsonArray("rejected")) assertEquals("invalid-event", ((JsonObject) r).getString("reason"));
    JsonArray items = feed(session.streamer().token(), id).json().getJsonArray("items");
    assertEquals(1, items.size());
    assertEquals("匿名用户", items.getJsonObject(0).getString("name"));
  }

  @Test
  @DisplayName("another streamer's session feed answers 404, an ingest account's 403")
  void feedOfOthers() {
    var session = live.liveSession();
    Api.NewUser other = api.newUser("streamer");
    assertEquals(404, feed(other.token(), session.sessionId()).status());
    assertEquals(403, feed(api.newUser("ingest").token(), session.sessionId()).status());
    assertTrue(feed(api.managerToken(), session.sessionId()).json().getJsonArray("items").isEmpty());
  }

  private Reply feed(String token, long sessionId) {
    return api.get("/api/v1/live/sessions/" + sessionId + "/feed").as(token).send();
  }

  private static void assertAccepted(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(0, reply.json().getJsonArray("rejected").size(), reply::toString);
  }
}
