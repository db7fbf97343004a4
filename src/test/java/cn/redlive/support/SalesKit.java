package cn.redlive.support;

import cn.redlive.catalog.Catalogs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Test fixtures for sales: streamers in teams, a brand's product, CSV imports of past sales, and report reads. */
public final class SalesKit {

  public static final String HEADER = "订单号,下单时间,主播账号,商品ID,数量,金额,渠道,类型,原订单号";

  private final Api api;
  private final People people;
  private final Catalogs catalogs;

  public SalesKit(Api api) {
    this.api = api;
    this.people = new People(api);
    this.catalogs = new Catalogs(api);
  }

  public String manager() {
    return people.managerToken();
  }

  public People people() {
    return people;
  }

  public record Product(long id, Catalogs.BrandWithPartner brand) {
  }

  public Product product() {
    Catalogs.BrandWithPartner brand = catalogs.newBrand("银川市");
    return new Product(catalogs.newProduct(brand.partner().token(), LiveKit.uniqueId("SKU"), "贺兰山东麓葡萄酒", "酒类", 19900), brand);
  }

  /** A streamer with a login, in the given team from the given instant (ISO-8601). */
  public People.LoggedIn streamerInTeam(long teamId, String from) {
    People.LoggedIn streamer = people.streamerWithLogin();
    moveTo(streamer.streamerId(), teamId, from);
    return streamer;
  }

  public void moveTo(long streamerId, long teamId, String from) {
    Reply moved = api.put("/api/v1/teams/" + teamId + "/members/" + streamerId).as(manager())
        .json(new JsonObject().put("from", from)).send();
    if (moved.status() != 200) throw new AssertionError(moved.toString());
  }

  /** One CSV line: an order, or with refundOf a refund. */
  public static String line(String orderId, String at, People.LoggedIn streamer, long productId, String yuan,
                            String kind, String refundOf) {
    return String.join(",", orderId, at, streamer.user().username(), String.valueOf(productId),
        "order".equals(kind) ? "1" : "", yuan, "douyin", kind, refundOf == null ? "" : refundOf);
  }

  public static String order(String orderId, String at, People.LoggedIn streamer, long productId, String yuan) {
    return line(orderId, at, streamer, productId, yuan, "order", null);
  }

  public static String csv(String... lines) {
    return HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n";
  }

  public Reply importCsv(String csv) {
    return api.post("/api/v1/sales/imports").as(manager()).raw("text/csv", csv).send();
  }

  public JsonObject imported(String csv) {
    Reply reply = importCsv(csv);
    if (reply.status() != 200) throw new AssertionError(reply.toString());
    return reply.json();
  }

  public JsonObject get(String path) {
    Reply reply = api.get(path).as(manager()).send();
    if (reply.status() != 200) throw new AssertionError(reply.toString());
    return reply.json();
  }

  /** A streamer's net GMV over a period, as the ranking shows it. */
  public long netFen(People.LoggedIn streamer, String from, String to) {
    return rowOf(get("/api/v1/reports/rankings?from=" + from + "&to=" + to), "streamerId", streamer.streamerId()).getLong("netFen");
  }

  /** The row of a ranking whose field equals the id, or null. */
  public static JsonObject rowOf(JsonObject ranking, String field, long id) {
    JsonArray items = ranking.getJsonArray("items");
    return IntStream.range(0, items.size()).mapToObj(items::getJsonObject)
        .filter(r -> Long.valueOf(id).equals(r.getLong(field))).findFirst().orElse(null);
  }

  public static String ids(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> LiveKit.uniqueId(prefix)).collect(Collectors.joining(","));
  }
}
