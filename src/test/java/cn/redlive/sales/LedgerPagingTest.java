package cn.redlive.sales;

import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("Ledger listing pages continue after the last entry")
class LedgerPagingTest {

  private final SalesKit sales = new SalesKit(TestApp.shared().api());

  @Test
  @DisplayName("following next cursors lists one streamer's entries newest first, each once, ties by order id")
  void cursorsWalkEveryEntryOnce() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 7; i++) lines.add(order("k" + i + "-" + LiveKit.uniqueId("o"), "2025-09-0" + (1 + i / 2) + " 10:00", streamer, product, "1.00"));
    sales.imported(csv(lines.toArray(String[]::new)));

    List<String> seen = new ArrayList<>();
    String base = "/api/v1/sales/entries?size=3&streamerId=" + streamer.streamerId();
    JsonObject page = sales.get(base);
    assertEquals(7, page.getInteger("total"));
    assertFalse(page.getBoolean("totalCapped"));
    while (true) {
      page.getJsonArray("items").stream().map(JsonObject.class::cast).forEach(e -> {
        seen.add(e.getString("orderId"));
        assertEquals("测试streamer", e.getString("streamerName"), "the streamer's display name beside each entry");
      });
      if (page.getString("next") == null) break;
      page = sales.get(base + "&after=" + page.getString("next"));
    }

    assertEquals(7, seen.size());
    assertEquals(7, seen.stream().distinct().count());
    List<String> expected = List.of(6, 4, 5, 2, 3, 0, 1).stream().map(i -> seen.stream().filter(id -> id.startsWith("k" + i + "-"))
        .findFirst().orElseThrow()).toList();
    assertEquals(expected, seen, "newest day first; within one instant by order id");
  }

  @Test
  @DisplayName("an order id lists the order and its refunds; a cursor that was never answered is a 400")
  void orderIdAndBadCursor() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    String orderId = LiveKit.uniqueId("o");
    sales.imported(csv(order(orderId, "2025-09-10 10:00", streamer, sales.product().id(), "5.00"),
        SalesKit.line(LiveKit.uniqueId("r"), "2025-09-11 10:00", streamer, 0, "1.00", "refund", orderId)));

    JsonObject byOrder = sales.get("/api/v1/sales/entries?orderId=" + orderId);
    Reply bad = TestApp.shared().api().get("/api/v1/sales/entries?after=not-a-cursor").as(sales.manager()).send();

    JsonArray items = byOrder.getJsonArray("items");
    assertEquals(2, items.size());
    assertEquals("refund", items.getJsonObject(0).getString("kind"));
    assertEquals("测试streamer", items.getJsonObject(1).getString("streamerName"));
    assertNull(byOrder.getString("next"));
    assertEquals(400, bad.status(), bad::toString);
  }
}
