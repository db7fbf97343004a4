package cn.redlive.report;

import cn.redlive.sales.SalesFigures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.OffsetDateTime;

/** Row to JSON for the report queries. */
final class ReportRows {

  private ReportRows() {
  }

  static JsonObject figures(Row r) {
    return SalesFigures.from(r).toJson();
  }

  static JsonArray each(RowSet<Row> rows, java.util.function.Function<Row, JsonObject> mapper) {
    JsonArray list = new JsonArray();
    rows.forEach(r -> list.add(mapper.apply(r)));
    return list;
  }

  static JsonObject session(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("title", r.getString("title")).put("status", r.getString("status"))
        .put("plannedStart", time(r.getOffsetDateTime("planned_start"))).put("startedAt", time(r.getOffsetDateTime("started_at")))
        .put("endedAt", time(r.getOffsetDateTime("ended_at"))).put("uniqueViewers", r.getInteger("unique_viewers"))
        .put("peakViewers", r.getInteger("peak_viewers")).put("orders", r.getInteger("orders"))
        .put("buyers", r.getInteger("buyers")).put("gmvFen", r.getLong("gmv_fen")).put("conversionBp", r.getInteger("conversion_bp"))
        .put("uvValueFen", r.getLong("uv_value_fen")).put("newFans", r.getInteger("new_fans"));
  }

  static JsonObject product(Row r) {
    return new JsonObject().put("productId", r.getLong("product_id")).put("name", r.getString("name"))
        .put("quantity", r.getLong("quantity")).put("orders", r.getLong("orders")).put("netFen", r.getLong("net_fen"));
  }

  private static String time(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
