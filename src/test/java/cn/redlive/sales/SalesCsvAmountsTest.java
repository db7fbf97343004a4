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

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.line;
import static cn.redlive.support.SalesKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Amounts and times in a sales CSV")
class SalesCsvAmountsTest {

  private final SalesKit sales = new SalesKit(TestApp.shared().api());

  @Test
  @DisplayName("a negative amount on an order is a row error, in yuan or in fen, never a 500; the other rows import")
  void negativeOrderAmountIsARowError() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String fenHeader = "订单号,下单时间,主播账号,商品ID,数量,金额(分),类型";

    JsonObject yuan = sales.imported(csv(order(LiveKit.uniqueId("o"), "2025-08-01 10:00", streamer, product, "-88.00"),
        order(LiveKit.uniqueId("o"), "2025-08-01 11:00", streamer, product, "88.00")));
    Reply fen = sales.importCsv(fenHeader + "\r\n" + String.join(",", LiveKit.uniqueId("o"), "2025-08-01 10:00",
        streamer.user().username(), String.valueOf(product), "1", "-8800", "订单") + "\r\n");

    assertEquals(1, yuan.getInteger("inserted"));
    assertEquals(1, yuan.getInteger("failed"));
    assertEquals("amount", error(yuan).getString("column"));
    assertEquals(200, fen.status(), fen::toString);
    assertEquals(0, fen.json().getInteger("inserted"));
    assertEquals("amount_fen", error(fen.json()).getString("column"));
    assertEquals(8800, sales.netFen(streamer, "2025-08-01", "2025-08-31"));
  }

  @Test
  @DisplayName("a refund subtracts its amount whether the file writes it as 30.00 or -30.00")
  void refundSignEitherWay() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String order = LiveKit.uniqueId("o");

    JsonObject result = sales.imported(csv(order(order, "2025-08-02 10:00", streamer, product, "100.00"),
        line(LiveKit.uniqueId("r"), "2025-08-03 10:00", streamer, product, "-30.00", "refund", order),
        line(LiveKit.uniqueId("r"), "2025-08-04 10:00", streamer, product, "20.00", "退款", order)));

    assertEquals(3, result.getInteger("inserted"), result::encode);
    assertEquals(5000, sales.netFen(streamer, "2025-08-01", "2025-08-31"));
  }

  @Test
  @DisplayName("an amount past what the ledger holds, or a sale dated in years to come, is a row error")
  void outOfRange() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String future = "2099-08-05 10:00";

    JsonObject result = sales.imported(csv(order(LiveKit.uniqueId("o"), "2025-08-05 10:00", streamer, product, "99999999999999999999.00"),
        order(LiveKit.uniqueId("o"), future, streamer, product, "10.00")));

    assertEquals(0, result.getInteger("inserted"));
    assertEquals(2, result.getInteger("failed"));
    JsonArray errors = result.getJsonArray("errors");
    assertEquals("amount", errors.getJsonObject(0).getString("column"));
    assertEquals("ordered_at", errors.getJsonObject(1).getString("column"));
  }

  @Test
  @DisplayName("rows resolve streamers by username in any case and products by brand and SKU; the others are row errors")
  void resolvesStreamersAndSkus() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    SalesKit.Product product = sales.product();
    JsonObject shown = sales.get("/api/v1/products/" + product.id());
    String brand = String.valueOf(shown.getLong("brandId"));
    String header = "订单号,下单时间,主播账号,品牌ID,货号,数量,金额(分),类型";

    Reply reply = sales.importCsv(header + "\r\n"
        + String.join(",", LiveKit.uniqueId("o"), "2025-08-06 10:00", streamer.user().username().toUpperCase(),
            brand, shown.getString("sku"), "1", "1000", "订单") + "\r\n"
        + String.join(",", LiveKit.uniqueId("o"), "2025-08-06 11:00", streamer.user().username(),
            brand, "NO-SUCH-SKU", "1", "1000", "订单") + "\r\n"
        + String.join(",", LiveKit.uniqueId("o"), "2025-08-06 12:00", "no-such-streamer-" + LiveKit.uniqueId("u"),
            brand, shown.getString("sku"), "1", "1000", "订单") + "\r\n");

    assertEquals(200, reply.status(), reply::toString);
    assertEquals(1, reply.json().getInteger("inserted"), reply.json()::encode);
    assertEquals(2, reply.json().getInteger("failed"));
    JsonArray errors = reply.json().getJsonArray("errors");
    assertEquals("product_id", errors.getJsonObject(0).getString("column"));
    assertEquals("streamer", errors.getJsonObject(1).getString("column"));
    assertEquals(1000, sales.netFen(streamer, "2025-08-01", "2025-08-31"));
  }

  private static JsonObject error(JsonObject result) {
    return result.getJsonArray("errors").getJsonObject(0);
  }
}
