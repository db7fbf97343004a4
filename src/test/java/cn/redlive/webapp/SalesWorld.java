package cn.redlive.webapp;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * What the sales pages show, made through the API the way the base makes it: a brand with its partner and an approved
 * product, a streamer with a login in the talent pool and a team, a resident enterprise owning the brand, this
 * month's target of the streamer, and sales imported by a manager (two orders today, one of them half refunded).
 */
final class SalesWorld {

  static final ZoneId BASE = ZoneId.of("Asia/Shanghai");

  final Api api;
  final String manager;
  final Catalogs.BrandWithPartner brand;
  final long productId;
  final People.LoggedIn streamer;
  final long teamId;
  final long enterpriseId;
  final String enterpriseName;
  final String stageName;

  SalesWorld(Api api) {
    this.api = api;
    Catalogs catalogs = new Catalogs(api);
    People people = new People(api);
    this.manager = catalogs.manager();
    this.brand = catalogs.newBrand("银川市");
    this.productId = catalogs.newProduct(brand.partner().token(), TestApp.uniqueName("SKU"), "贺兰山东麓葡萄酒", "酒水", 19_900);
    ok(api.post("/api/v1/products/" + productId + "/approve").as(manager).send(), 200);
    this.streamer = people.streamerWithLogin();
    this.stageName = ok(api.get("/api/v1/streamers/" + streamer.streamerId()).as(manager).send(), 200).getString("stageName");
    this.teamId = people.team();
    people.join(streamer.streamerId(), teamId);
    this.enterpriseName = TestApp.uniqueName("宁夏葡萄酒庄");
    this.enterpriseId = ok(api.post("/api/v1/enterprises").as(manager).json(new JsonObject().put("name", enterpriseName)
        .put("incubationStart", "2026-09-01").put("mentor", "王老师")).send(), 201).getLong("id");
    ok(api.put("/api/v1/enterprises/" + enterpriseId + "/brands/" + brand.brandId()).as(manager).send(), 204);
    ok(api.put("/api/v1/targets").as(manager).json(new JsonObject().put("scope", "streamer")
        .put("scopeId", streamer.streamerId()).put("month", thisMonth()).put("gmvFen", 10_000_000)).send(), 200);
    String first = TestApp.uniqueName("DY");
    JsonObject imported = importCsv(csvHeader()
        + row(first, "order", 2, "398.00", "") + row(TestApp.uniqueName("DY"), "order", 1, "199.00", "")
        + row(TestApp.uniqueName("DY-R"), "refund", 1, "199.00", first));
    if (imported.getInteger("failed") != 0) throw new AssertionError("the fixture's sales did not import: " + imported.encodePrettily());
  }

  /** Net sales of the fixture: 398 + 199 - 199 yuan. */
  static final String NET_YUAN = "¥398.00";

  static String thisMonth() {
    return YearMonth.now(BASE).toString();
  }

  static String csvHeader() {
    return "订单号,下单时间,主播账号,商品ID,数量,金额,渠道,类型,原订单号\n";
  }

  /**
   * A row sold just now (an ISO instant, so the business day is today's in Beijing): after the streamer joined the
   * team, since a sale counts for the team the streamer was in when it was made.
   */
  String row(String orderId, String kind, int quantity, String yuan, String refundOf) {
    return String.join(",", orderId, Instant.now().toString(), streamer.user().username(),
        String.valueOf(productId), String.valueOf(quantity), yuan, "douyin", kind, refundOf) + "\n";
  }

  JsonObject importCsv(String csv) {
    return ok(api.post("/api/v1/sales/imports?fileName=fixture.csv").as(manager).raw("text/csv", csv).send(), 200);
  }

  private static JsonObject ok(Reply reply, int status) {
    if (reply.status() != status) throw new AssertionError("expected " + status + ": " + reply);
    return status == 204 ? null : reply.json();
  }
}
