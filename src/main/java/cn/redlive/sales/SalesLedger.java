package cn.redlive.sales;

import cn.redlive.platform.Rows;
import cn.redlive.core.Paging;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;

/** Reading the ledger entry by entry, for managers checking an import or a refund. */
public final class SalesLedger {

  private static final String LIST = """
      SELECT o.*, a.display_name AS streamer_name, count(*) OVER () AS total
        FROM sales_orders o JOIN accounts a ON a.id = o.streamer_account_id
       WHERE ($1::bigint IS NULL OR o.streamer_id = $1)
         AND ($2::text IS NULL OR o.order_id = $2 OR o.refund_of = $2)
         AND ($3::date IS NULL OR o.business_day >= $3) AND ($4::date IS NULL OR o.business_day <= $4)
       ORDER BY o.ordered_at DESC, o.order_id
       LIMIT $5 OFFSET $6
      """;

  private static final String LATEST_SALE = """
      SELECT max(ordered_at) AS latest FROM sales_orders WHERE streamer_id = $1
      """;

  private final Pool pool;

  public SalesLedger(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> list(Long streamerId, String orderId, LocalDate from, LocalDate to, Paging paging) {
    return pool.preparedQuery(LIST).execute(Tuple.from(new Object[] {streamerId, orderId, from, to, paging.size(), paging.offset()}))
        .map(rows -> {
          Rows.Page<JsonObject> page = Rows.page(rows, SalesLedger::entry);
          return new JsonObject().put("items", new JsonArray(page.items())).put("total", page.total());
        });
  }

  /** The latest entry booked for a streamer (talent-pool id), if any: team moves may not be dated before it. */
  public Future<java.util.Optional<java.time.Instant>> latestSaleOf(long streamerId) {
    return pool.preparedQuery(LATEST_SALE).execute(Tuple.of(streamerId)).map(rows -> java.util.Optional
        .ofNullable(rows.iterator().next().getOffsetDateTime("latest")).map(java.time.OffsetDateTime::toInstant));
  }

  private static JsonObject entry(Row r) {
    return new JsonObject().put("orderId", r.getString("order_id")).put("kind", r.getString("kind"))
        .put("refundOf", r.getString("refund_of")).put("streamerAccountId", r.getLong("streamer_account_id"))
        .put("streamerId", r.getLong("streamer_id")).put("streamerName", r.getString("streamer_name"))
        .put("teamId", r.getLong("team_id")).put("productId", r.getLong("product_id")).put("brandId", r.getLong("brand_id"))
        .put("enterpriseId", r.getLong("enterprise_id")).put("sessionId", r.getLong("session_id"))
        .put("channel", r.getString("channel")).put("quantity", r.getInteger("quantity"))
        .put("amountFen", r.getLong("amount_fen")).put("orderedAt", r.getOffsetDateTime("ordered_at").toInstant().toString())
        .put("businessDay", r.getLocalDate("business_day").toString()).put("importId", r.getLong("import_id"));
  }
}
