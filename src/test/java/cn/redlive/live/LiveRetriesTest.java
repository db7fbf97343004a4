package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Live ingestion under overlapping retries")
class LiveRetriesTest {

  private final Api api = TestApp.shared().api();
  private final LiveKit live = new LiveKit(api);

  @Test
  @DisplayName("two copies of one batch sent at the same moment get the same answer and count once, 50 times over")
  void overlappingCopiesCountOnce() throws Exception {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    int pairs = 50;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int p = 0; p < pairs; p++) {
        JsonObject batch = batch(LiveKit.uniqueId("retrying-camera"), 1,
            order(session.sessionId(), session.productId(), 100));
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Reply>> copies = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
          copies.add(threads.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return live.send(ingest, batch);
          }));
        }
        Reply first = copies.get(0).get(30, TimeUnit.SECONDS);
        Reply second = copies.get(1).get(30, TimeUnit.SECONDS);
        assertEquals(200, first.status(), first::toString);
        assertEquals(200, second.status(), second::toString);
        assertEquals(verdict(first), verdict(second), "pair " + p + ": both copies get the same answer");
        assertEquals(1, first.json().getInteger("accepted"), first::toString);
      }
    } finally {
      threads.shutdownNow();
    }

    JsonObject counters = live.session(session.streamer().token(), session.sessionId()).getJsonObject("live");
    assertEquals(pairs, counters.getInteger("orders"), "Redis counted every order once");
    assertEquals(100L * pairs, counters.getLong("gmvFen"));
    assertEquals(pairs, ledgerOrders(session.sessionId()), "the ledger holds every order once");
  }

  @Test
  @DisplayName("batches bringing the same orders in opposite order from 8 clients at once never deadlock into a 500")
  void crossingOrderCopiesNeverDeadlock() throws Exception {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    int clients = 8;
    int rounds = 15;
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    try {
      for (int round = 0; round < rounds; round++) {
        List<JsonObject> orders = new ArrayList<>();
        for (int o = 0; o < 6; o++) orders.add(order(session.sessionId(), session.productId(), 10));
        CyclicBarrier together = new CyclicBarrier(clients);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          List<JsonObject> mine = new ArrayList<>(orders);
          if (c % 2 == 1) java.util.Collections.reverse(mine);
          // each client its own producer: copies of an order from another batch are refused as duplicates
          JsonObject batch = batch(LiveKit.uniqueId("crossing"), 1, mine.stream()
              .map(o -> o.copy().put("eventId", LiveKit.uniqueId("e"))).toArray(JsonObject[]::new));
          replies.add(threads.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return live.send(ingest, batch);
          }));
        }
        for (Future<Reply> reply : replies) {
          Reply r = reply.get(30, TimeUnit.SECONDS);
          assertEquals(200, r.status(), r::toString);
        }
      }
    } finally {
      threads.shutdownNow();
    }
    JsonObject counters = live.session(session.streamer().token(), session.sessionId()).getJsonObject("live");
    assertEquals(6 * rounds, counters.getInteger("orders"), "each order counted once in Redis");
    assertEquals(6 * rounds, ledgerOrders(session.sessionId()), "and once in the ledger");
  }

  @Test
  @DisplayName("a crowd that joins and leaves between two samples still raises the peak, and no frame shows peak below current or unique below peak")
  void peakFollowsEveryBatch() {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    long id = session.sessionId();
    String producer = LiveKit.uniqueId("peak-camera");
    live.send(ingest, batch(producer, 1, LiveKit.viewer(id, "viewer_join", "steady-1"),
        LiveKit.viewer(id, "viewer_join", "steady-2"), LiveKit.viewer(id, "viewer_join", "steady-3")));
    live.send(ingest, batch(producer, 2, LiveKit.viewer(id, "viewer_join", "brief-1"),
        LiveKit.viewer(id, "viewer_join", "brief-2"), LiveKit.viewer(id, "viewer_join", "brief-3"),
        LiveKit.viewer(id, "viewer_join", "brief-4")));
    live.send(ingest, batch(producer, 3, LiveKit.viewer(id, "viewer_leave", "brief-1"),
        LiveKit.viewer(id, "viewer_leave", "brief-2"), LiveKit.viewer(id, "viewer_leave", "brief-3"),
        LiveKit.viewer(id, "viewer_leave", "brief-4")));

    JsonObject frame = live.session(session.streamer().token(), id).getJsonObject("live");
    assertEquals(7, frame.getInteger("peakViewers"), "3 steady and 4 brief viewers: " + frame);
    assertEquals(3, frame.getInteger("concurrentViewers"), frame::encode);
    org.junit.jupiter.api.Assertions.assertTrue(frame.getInteger("uniqueViewers") >= frame.getInteger("peakViewers"), frame::encode);
  }

  private static JsonObject verdict(Reply reply) {
    return new JsonObject().put("accepted", reply.json().getValue("accepted"))
        .put("rejected", reply.json().getValue("rejected"));
  }

  static long ledgerOrders(long sessionId) {
    try (var db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cn.redlive.support.TestServers.postgres().port()
        + "/postgres", "postgres", "")) {
      var rs = db.createStatement().executeQuery("SELECT count(*) FROM sales_orders WHERE session_id = " + sessionId);
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
