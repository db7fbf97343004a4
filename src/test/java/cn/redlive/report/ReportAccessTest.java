package cn.redlive.report;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@DisplayName("Who sees which sales")
class ReportAccessTest {

  private final Api api = TestApp.shared().api();
  private final SalesKit sales = new SalesKit(api);

  @Test
  @DisplayName("streamers, brand partners and ingest clients cannot read managers' reviews or import sales")
  void reviewIsForManagers() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    String partner = api.newUser("brand_partner").token();
    String ingest = api.newUser("ingest").token();
    for (String token : new String[] {streamer.token(), partner, ingest}) {
      for (String path : new String[] {"/api/v1/reports/rankings", "/api/v1/reports/streamers/" + streamer.streamerId(),
          "/api/v1/reports/teams", "/api/v1/reports/behind-target", "/api/v1/targets", "/api/v1/goals",
          "/api/v1/enterprises", "/api/v1/sales/entries", "/api/v1/reports/rankings/export?format=csv"}) {
        Reply reply = api.get(path).as(token).send();
        assertEquals(403, reply.status(), reply::toString);
      }
      Reply upload = api.post("/api/v1/sales/imports").as(token).raw("text/csv", SalesKit.HEADER).send();
      assertEquals(403, upload.status(), upload::toString);
    }
  }

  @Test
  @DisplayName("a streamer sees only their own sales and target; the manager's streamer page adds screening, Party and study")
  void streamerSeesOwnSales() {
    People.LoggedIn me = sales.people().streamerWithLogin();
    People.LoggedIn other = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")) + " 00:05";
    sales.imported(csv(order(LiveKit.uniqueId("o"), today, me, product, "12.00"),
        order(LiveKit.uniqueId("o"), today, other, product, "99.00")));

    Reply mine = api.get("/api/v1/me/sales").as(me.token()).send();
    Reply partnerTries = api.get("/api/v1/me/sales").as(api.newUser("brand_partner").token()).send();
    JsonObject page = sales.get("/api/v1/reports/streamers/" + me.streamerId());

    assertEquals(200, mine.status(), mine::toString);
    assertEquals(1200, mine.json().getJsonObject("thisMonth").getLong("netFen"));
    assertEquals(1200, mine.json().getJsonObject("today").getLong("netFen"));
    assertEquals(403, partnerTries.status());
    assertEquals(1200, page.getJsonObject("thisMonth").getLong("netFen"));
    assertNotNull(page.getJsonObject("party"), "managers see the Party record beside the sales");
    assertNotNull(page.getJsonObject("study"));
    assertEquals(me.streamerId(), page.getJsonObject("streamer").getLong("id"));
  }

  @Test
  @DisplayName("a brand partner sees sales of their own brand's products by day and by streamer, nobody else's")
  void partnerSeesOwnBrandOnly() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    SalesKit.Product mine = sales.product();
    SalesKit.Product theirs = sales.product();
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2025-08-08 20:00", streamer, mine.id(), "66.00"),
        order(LiveKit.uniqueId("o"), "2025-08-08 20:00", streamer, theirs.id(), "77.00")));

    Reply reply = api.get("/api/v1/me/brand-sales?from=2025-08-01&to=2025-08-31").as(mine.brand().partner().token()).send();
    Reply streamerTries = api.get("/api/v1/me/brand-sales").as(streamer.token()).send();

    assertEquals(200, reply.status(), reply::toString);
    JsonObject view = reply.json();
    assertEquals(mine.brand().brandId(), view.getLong("brandId"));
    assertEquals(6600, view.getJsonObject("total").getLong("netFen"));
    assertEquals(1, view.getJsonArray("byProduct").size());
    assertEquals(mine.id(), view.getJsonArray("byProduct").getJsonObject(0).getLong("productId"));
    assertEquals("2025-08-08", view.getJsonArray("byDay").getJsonObject(0).getString("day"));
    assertEquals(streamer.user().id(), view.getJsonArray("byStreamer").getJsonObject(0).getLong("streamerAccountId"));
    assertEquals(403, streamerTries.status());
  }
}
