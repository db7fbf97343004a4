package cn.redlive.sales;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.line;
import static cn.redlive.support.SalesKit.order;
import static cn.redlive.support.SalesKit.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Sales ledger")
class SalesLedgerTest {

  private final Api api = TestApp.shared().api();
  private final SalesKit sales = new SalesKit(api);

  @Test
  @DisplayName("a streamer who moves team in the middle of a month sells for the old team before and the new one after")
  void attributionFollowsTeamAtTimeOfSale() {
    long teamA = sales.people().team();
    long teamB = sales.people().team();
    People.LoggedIn streamer = sales.streamerInTeam(teamA, "2025-01-01T00:00:00+08:00");
    sales.moveTo(streamer.streamerId(), teamB, "2025-03-16T00:00:00+08:00");
    long product = sales.product().id();
    String before = LiveKit.uniqueId("o");
    String after = LiveKit.uniqueId("o");

    sales.imported(csv(order(before, "2025-03-15 23:59", streamer, product, "100.00"),
        order(after, "2025-03-16 00:01", streamer, product, "250.00")));

    assertEquals(teamA, entry(before).getLong("teamId"));
    assertEquals(teamB, entry(after).getLong("teamId"));
    JsonObject teams = sales.get("/api/v1/reports/rankings?of=team&from=2025-03-01&to=2025-03-31");
    assertEquals(10000, rowOf(teams, "teamId", teamA).getLong("netFen"));
    assertEquals(25000, rowOf(teams, "teamId", teamB).getLong("netFen"));
  }

  @Test
  @DisplayName("months are Asia/Shanghai months: 16:30 UTC on the last day of March is already April")
  void monthBoundariesAreShanghaiDays() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String march = LiveKit.uniqueId("o");
    String april = LiveKit.uniqueId("o");

    sales.imported(csv(order(march, "2025-03-31T15:59:00Z", streamer, product, "10.00"),
        order(april, "2025-03-31T16:30:00Z", streamer, product, "20.00")));

    assertEquals("2025-03-31", entry(march).getString("businessDay"));
    assertEquals("2025-04-01", entry(april).getString("businessDay"));
    JsonObject inMarch = sales.get("/api/v1/reports/rankings?from=2025-03-01&to=2025-03-31");
    JsonObject inApril = sales.get("/api/v1/reports/rankings?from=2025-04-01&to=2025-04-30");
    assertEquals(1000, rowOf(inMarch, "streamerId", streamer.streamerId()).getLong("netFen"));
    assertEquals(2000, rowOf(inApril, "streamerId", streamer.streamerId()).getLong("netFen"));
  }

  @Test
  @DisplayName("a refund is a negative entry referencing the order, lowers net GMV, and cannot exceed what remains")
  void refundsAreNegativeEntries() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String orderId = LiveKit.uniqueId("o");
    String refund = LiveKit.uniqueId("r");
    String tooMuch = LiveKit.uniqueId("r");
    sales.imported(csv(order(orderId, "2025-05-10 12:00", streamer, product, "100.00")));

    JsonObject result = sales.imported(csv(
        line(refund, "2025-05-12 09:00", streamer, product, "30.00", "退款", orderId),
        line(tooMuch, "2025-05-13 09:00", streamer, product, "80.00", "refund", orderId)));

    assertEquals(1, result.getInteger("inserted"));
    assertEquals(1, result.getInteger("failed"));
    assertEquals("amount", result.getJsonArray("errors").getJsonObject(0).getString("column"));
    JsonObject entry = entry(refund);
    assertEquals("refund", entry.getString("kind"));
    assertEquals(orderId, entry.getString("refundOf"));
    assertEquals(-3000, entry.getLong("amountFen"));
    assertEquals("2025-05-12", entry.getString("businessDay"));
    JsonObject may = rowOf(sales.get("/api/v1/reports/rankings?from=2025-05-01&to=2025-05-31"), "streamerId", streamer.streamerId());
    assertEquals(10000, may.getLong("grossFen"));
    assertEquals(7000, may.getLong("netFen"));
    assertEquals(1, may.getInteger("refunds"));
  }

  @Test
  @DisplayName("importing the same file twice changes nothing the second time")
  void sameImportTwiceChangesNothing() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String file = csv(order(LiveKit.uniqueId("o"), "2025-06-01 10:00", streamer, product, "\"¥1,200.00\""),
        order(LiveKit.uniqueId("o"), "2025-06-02 10:00", streamer, product, "300"));

    JsonObject first = sales.imported(file);
    JsonObject second = sales.imported(file);

    assertEquals(2, first.getInteger("inserted"));
    assertEquals(0, second.getInteger("inserted"));
    assertEquals(2, second.getInteger("unchanged"));
    assertEquals(first.getLong("importId"), second.getLong("sameFileAsImport"));
    JsonObject june = rowOf(sales.get("/api/v1/reports/rankings?from=2025-06-01&to=2025-06-30"), "streamerId", streamer.streamerId());
    assertEquals(150000, june.getLong("netFen"));
    assertEquals(2, june.getInteger("orders"));
  }

  @Test
  @DisplayName("rows with errors are reported by row and column and not written; the valid rows are")
  void rowErrorsAreReported() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String good = LiveKit.uniqueId("o");

    JsonObject result = sales.imported(csv(order(good, "2025-07-01 10:00", streamer, product, "10.00"),
        order(LiveKit.uniqueId("o"), "yesterday", streamer, product, "10.00"),
        order(LiveKit.uniqueId("o"), "2025-07-01 10:00", streamer, 999_999_999L, "10.00")));

    assertEquals(1, result.getInteger("inserted"));
    assertEquals(2, result.getInteger("failed"));
    JsonArray errors = result.getJsonArray("errors");
    assertEquals(3, errors.getJsonObject(0).getInteger("row"));
    assertEquals("ordered_at", errors.getJsonObject(0).getString("column"));
    assertEquals("product_id", errors.getJsonObject(1).getString("column"));
    assertEquals("order", entry(good).getString("kind"));
  }

  @Test
  @DisplayName("orders from live ingestion are attributed to brand, enterprise, session and the live channel")
  void liveOrdersAreAttributed() {
    LiveKit live = new LiveKit(api);
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    String orderId = LiveKit.uniqueId("live-order");
    live.send(ingest, LiveKit.batch(LiveKit.uniqueId("p"), 1, LiveKit.order(session.sessionId(), session.productId(), 990, orderId)));

    JsonObject entry = entry(orderId);
    assertEquals("live", entry.getString("channel"));
    assertEquals(session.sessionId(), entry.getLong("sessionId"));
    assertTrue(entry.getLong("brandId") != null && entry.getLong("enterpriseId") != null, entry::encode);
    assertNull(entry.getString("refundOf"));
  }

  @Test
  @DisplayName("a ranking over days that cut months counts whole months and the days at both edges, each once")
  void rankingsOverPartialMonths() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2024-08-14 20:00", streamer, product, "1.00"),
        order(LiveKit.uniqueId("o"), "2024-08-15 20:00", streamer, product, "2.00"),
        order(LiveKit.uniqueId("o"), "2024-09-10 20:00", streamer, product, "4.00"),
        order(LiveKit.uniqueId("o"), "2024-10-10 20:00", streamer, product, "8.00"),
        order(LiveKit.uniqueId("o"), "2024-10-11 20:00", streamer, product, "16.00")));

    assertEquals(1400, netOf(streamer, "2024-08-15", "2024-10-10"));
    assertEquals(1200, netOf(streamer, "2024-09-01", "2024-10-10"));
    assertEquals(700, netOf(streamer, "2024-08-14", "2024-09-30"));
    assertEquals(600, netOf(streamer, "2024-08-15", "2024-09-30"));
    assertEquals(2400, netOf(streamer, "2024-10-10", "2024-10-11"));
    JsonObject growth = rowOf(sales.get("/api/v1/reports/rankings?from=2024-10-02&to=2024-10-31"), "streamerId",
        streamer.streamerId()).getJsonObject("growth");
    assertEquals(400, growth.getLong("previousFen"), "the 30 days before: September 2 to October 1");
  }

  private long netOf(People.LoggedIn streamer, String from, String to) {
    return rowOf(sales.get("/api/v1/reports/rankings?from=" + from + "&to=" + to), "streamerId", streamer.streamerId())
        .getLong("netFen");
  }

  private JsonObject entry(String orderId) {
    JsonArray items = sales.get("/api/v1/sales/entries?orderId=" + orderId).getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).filter(e -> orderId.equals(e.getString("orderId"))).findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + orderId + " in " + items));
  }
}
