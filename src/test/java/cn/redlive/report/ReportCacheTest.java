package cn.redlive.report;

import cn.redlive.catalog.Catalogs;
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
import java.time.YearMonth;
import java.time.ZoneId;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.line;
import static cn.redlive.support.SalesKit.order;
import static cn.redlive.support.SalesKit.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rankings and streamer pages are kept computed in memory; every read after a commit must show it all the same. */
@DisplayName("Cached reports follow every change at once")
class ReportCacheTest {

  private static final String NOVEMBER = "/api/v1/reports/rankings?from=2024-11-01&to=2024-11-30";

  private final Api api = TestApp.shared().api();
  private final SalesKit sales = new SalesKit(api);

  @Test
  @DisplayName("a new order, a refund and a new target change a ranking that was just read")
  void rankingFollowsOrdersRefundsAndTargets() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String first = LiveKit.uniqueId("o");
    sales.imported(csv(order(first, "2024-11-03 20:00", streamer, product, "100.00")));
    assertEquals(10000, netFen(sales.get(NOVEMBER), streamer));
    assertEquals(10000, netFen(sales.get(NOVEMBER + "&by=orders"), streamer), "the same ranking read again");

    sales.imported(csv(order(LiveKit.uniqueId("o"), "2024-11-20 20:00", streamer, product, "50.00")));
    assertEquals(15000, netFen(sales.get(NOVEMBER), streamer));

    sales.imported(csv(line(LiveKit.uniqueId("r"), "2024-11-21 09:00", streamer, product, "30.00", "refund", first)));
    JsonObject refunded = rowOf(sales.get(NOVEMBER), "streamerId", streamer.streamerId());
    assertEquals(12000, refunded.getLong("netFen"));
    assertEquals(1, refunded.getInteger("refunds"));
    assertNull(refunded.getLong("targetFen"));

    Reply target = api.put("/api/v1/targets").as(sales.manager()).json(new JsonObject().put("scope", "streamer")
        .put("scopeId", streamer.streamerId()).put("month", "2024-11").put("gmvFen", 24000)).send();
    assertEquals(200, target.status(), target::toString);
    JsonObject withTarget = rowOf(sales.get(NOVEMBER), "streamerId", streamer.streamerId());
    assertEquals(24000, withTarget.getLong("targetFen"));
    assertEquals(5000, withTarget.getInteger("attainmentBp"));
  }

  @Test
  @DisplayName("an order for December changes the growth of a December ranking, not the November one")
  void growthFollowsTheEarlierPeriod() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String december = "/api/v1/reports/rankings?from=2024-12-01&to=2024-12-31";
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2024-12-05 20:00", streamer, product, "80.00")));
    JsonObject before = rowOf(sales.get(december), "streamerId", streamer.streamerId());
    assertEquals(true, before.getJsonObject("growth").getBoolean("new"));

    sales.imported(csv(order(LiveKit.uniqueId("o"), "2024-11-05 20:00", streamer, product, "40.00")));
    JsonObject after = rowOf(sales.get(december), "streamerId", streamer.streamerId());
    assertEquals(4000, after.getJsonObject("growth").getLong("previousFen"));
    assertEquals(10000, after.getJsonObject("growth").getInteger("growthBp"));
  }

  @Test
  @DisplayName("the manager's streamer page and the streamer's own view follow a new order and a renamed streamer")
  void streamerPageFollowsOrdersAndNames() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String page = "/api/v1/reports/streamers/" + streamer.streamerId();
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")) + " 00:05";
    sales.imported(csv(order(LiveKit.uniqueId("o"), today, streamer, product, "10.00")));
    assertEquals(1000, sales.get(page).getJsonObject("thisMonth").getLong("netFen"));
    assertEquals(1000, mySales(streamer).getJsonObject("thisMonth").getLong("netFen"));

    sales.imported(csv(order(LiveKit.uniqueId("o"), today, streamer, product, "5.00")));
    JsonObject after = sales.get(page);
    assertEquals(1500, after.getJsonObject("thisMonth").getLong("netFen"));
    assertEquals(2, after.getJsonArray("bestProducts").getJsonObject(0).getInteger("orders"));
    assertEquals(YearMonth.now(ZoneId.of("Asia/Shanghai")).toString(),
        after.getJsonArray("months").getJsonObject(after.getJsonArray("months").size() - 1).getString("month"));
    assertEquals(1500, mySales(streamer).getJsonObject("thisMonth").getLong("netFen"));

    String renamed = TestApp.uniqueName("新艺名");
    Reply rename = api.method("PATCH", "/api/v1/streamers/" + streamer.streamerId()).as(sales.manager())
        .json(new JsonObject().put("stageName", renamed)).send();
    assertEquals(200, rename.status(), rename::toString);
    String month = "/api/v1/reports/rankings?from=" + YearMonth.now(ZoneId.of("Asia/Shanghai")).atDay(1);
    assertEquals(renamed, rowOf(sales.get(month), "streamerId", streamer.streamerId()).getString("name"));
    assertEquals(renamed, sales.get(page).getJsonObject("streamer").getString("stageName"));

    assertEquals(0, sales.get(page).getJsonObject("party").getJsonArray("steps").size());
    Reply step = sales.people().step(streamer.streamerId(), "application", "2020-01-10");
    assertEquals(201, step.status(), step::toString);
    assertEquals(1, sales.get(page).getJsonObject("party").getJsonArray("steps").size(), "the people features' part too");
  }

  @Test
  @DisplayName("a page a manager has read stays closed to the streamer, who sees only their own view")
  void cachedPageStaysForManagers() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    People.LoggedIn other = sales.people().streamerWithLogin();
    long product = sales.product().id();
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")) + " 00:05";
    sales.imported(csv(order(LiveKit.uniqueId("o"), today, other, product, "70.00")));
    sales.get("/api/v1/reports/streamers/" + other.streamerId());
    sales.get(NOVEMBER);

    assertEquals(403, api.get("/api/v1/reports/streamers/" + other.streamerId()).as(streamer.token()).send().status());
    assertEquals(403, api.get(NOVEMBER).as(streamer.token()).send().status());
    assertEquals(0, mySales(streamer).getJsonObject("thisMonth").getLong("netFen"));
  }

  @Test
  @DisplayName("a live session's settled viewers change the UV figures of a ranking just read")
  void rankingFollowsLiveResults() {
    LiveKit live = new LiveKit(api);
    LiveKit.Live session = live.liveSession();
    String day = "/api/v1/reports/rankings?from=2026-11-29&to=2026-11-29&by=uvValue";
    JsonObject before = rowOf(sales.get(day), "streamerAccountId", session.streamer().id());
    assertEquals(0, before == null ? 0 : before.getLong("uniqueViewers"));

    String ingest = api.newUser("ingest").token();
    live.send(ingest, LiveKit.batch(LiveKit.uniqueId("p"), 1,
        LiveKit.viewer(session.sessionId(), "viewer_join", "a"), LiveKit.viewer(session.sessionId(), "viewer_join", "b")));
    Reply ended = api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(session.streamer().token()).send();
    assertEquals(200, ended.status(), ended::toString);

    JsonObject after = rowOf(sales.get(day), "streamerAccountId", session.streamer().id());
    assertEquals(2, after.getLong("uniqueViewers"), "no order: only the live triggers tell the ranking");
    assertEquals(0, after.getInteger("conversionBp"));
  }

  @Test
  @DisplayName("a product renamed by a catalog upload is renamed among a streamer's best products just read")
  void bestProductsFollowACatalogRename() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    Catalogs catalogs = new Catalogs(api);
    Catalogs.BrandWithPartner brand = catalogs.newBrand("中宁县");
    String sku = LiveKit.uniqueId("SKU");
    long product = catalogs.newProduct(brand.partner().token(), sku, "中宁枸杞干果", "枸杞", 5900);
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")) + " 00:05";
    sales.imported(csv(order(LiveKit.uniqueId("o"), today, streamer, product, "59.00")));
    assertEquals("中宁枸杞干果", bestProduct(streamer).getString("name"));

    JsonObject upload = catalogs.commitCsv(brand.partner().token(),
        Catalogs.TEMPLATE_HEADER + "\n" + sku + ",中宁头茬枸杞干果,枸杞,中宁县,250g,250,59.00,15%,10,,,\n");
    assertEquals(1, upload.getJsonObject("report").getInteger("updated"), upload::encodePrettily);
    assertEquals("中宁头茬枸杞干果", bestProduct(streamer).getString("name"));
  }

  private JsonObject bestProduct(People.LoggedIn streamer) {
    return mySales(streamer).getJsonArray("bestProducts").getJsonObject(0);
  }

  private JsonObject mySales(People.LoggedIn streamer) {
    Reply reply = api.get("/api/v1/me/sales").as(streamer.token()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static long netFen(JsonObject ranking, People.LoggedIn streamer) {
    return rowOf(ranking, "streamerId", streamer.streamerId()).getLong("netFen");
  }
}
