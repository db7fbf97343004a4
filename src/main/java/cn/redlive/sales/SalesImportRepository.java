package cn.redlive.sales;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of sales imports (the ledger and the import log). Streamers and products are resolved through their owners'
 * services (see SalesImports); the ledger triggers (V41/V42) attribute and roll up what is inserted.
 */
public final class SalesImportRepository {

  /** What the ledger already holds under these ids: the entry and, for orders, how much is refunded. */
  private static final String EXISTING = """
      SELECT o.order_id, o.kind, o.refund_of, o.amount_fen, o.quantity,
             coalesce((SELECT sum(r.amount_fen) FROM sales_orders r WHERE r.refund_of = o.order_id), 0) AS refunded_fen
        FROM sales_orders o WHERE o.order_id = ANY($1::text[])
      """;

  private static final String INSERT = """
      INSERT INTO sales_orders (order_id, kind, refund_of, streamer_account_id, product_id, quantity, amount_fen,
                                channel, ordered_at, business_day, import_id)
      SELECT t.order_id, t.kind, t.refund_of, t.streamer, t.product, t.quantity, t.amount, t.channel, t.at,
             (t.at AT TIME ZONE 'Asia/Shanghai')::date, $10
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::int[], $7::bigint[], $8::text[],
                    $9::timestamptz[]) AS t(order_id, kind, refund_of, streamer, product, quantity, amount, channel, at)
      ON CONFLICT (order_id) DO NOTHING
      RETURNING order_id
      """;

  private static final String SAME_FILE = "SELECT min(id) AS id FROM sales_imports WHERE file_sha256 = $1";

  private static final String RECORD_IMPORT = """
      INSERT INTO sales_imports (file_sha256, file_name, imported_by) VALUES ($1, $2, $3) RETURNING id
      """;

  private static final String COUNT_IMPORT = """
      UPDATE sales_imports SET rows_total = $2, inserted = $3, unchanged = $4, failed = $5 WHERE id = $1
      """;

  private final Pool pool;

  public SalesImportRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  record Existing(String orderId, String kind, String refundOf, long amountFen, int quantity, long refundedFen) {
  }

  Future<Map<String, Existing>> existing(SqlClient client, Set<String> orderIds) {
    return client.preparedQuery(EXISTING).execute(Tuple.of(orderIds.toArray(String[]::new))).map(rows -> {
      Map<String, Existing> found = new HashMap<>();
      rows.forEach(r -> found.put(r.getString("order_id"), new Existing(r.getString("order_id"), r.getString("kind"),
          r.getString("refund_of"), r.getLong("amount_fen"), r.getInteger("quantity"), r.getLong("refunded_fen"))));
      return found;
    });
  }

  /** A resolved entry ready for the ledger. */
  record Entry(String orderId, String kind, String refundOf, long streamerAccountId, long productId, int quantity,
               long amountFen, String channel, java.time.Instant at) {
  }

  /** Inserts the entries (orders before the refunds that may name them); answers the order ids actually inserted. */
  Future<Set<String>> insert(SqlClient client, List<Entry> entries, Long importId) {
    int n = entries.size();
    Object[] columns = {new String[n], new String[n], new String[n], new Long[n], new Long[n], new Integer[n],
        new Long[n], new String[n], new OffsetDateTime[n], importId};
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      ((String[]) columns[0])[i] = e.orderId();
      ((String[]) columns[1])[i] = e.kind();
      ((String[]) columns[2])[i] = e.refundOf();
      ((Long[]) columns[3])[i] = e.streamerAccountId();
      ((Long[]) columns[4])[i] = e.productId();
      ((Integer[]) columns[5])[i] = e.quantity();
      ((Long[]) columns[6])[i] = e.amountFen();
      ((String[]) columns[7])[i] = e.channel();
      ((OffsetDateTime[]) columns[8])[i] = e.at().atOffset(ZoneOffset.UTC);
    }
    return client.preparedQuery(INSERT).execute(Tuple.from(columns)).map(rows -> {
      Set<String> inserted = new HashSet<>();
      rows.forEach(r -> inserted.add(r.getString("order_id")));
      return inserted;
    });
  }

  Future<Long> sameFile(String sha256) {
    return pool.preparedQuery(SAME_FILE).execute(Tuple.of(sha256)).map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Long> recordImport(SqlClient client, String sha256, String fileName, long by) {
    return client.preparedQuery(RECORD_IMPORT).execute(Tuple.of(sha256, fileName, by))
        .map(r -> r.iterator().next().getLong("id"));
  }

  Future<Void> countImport(SqlClient client, long id, int rows, int inserted, int unchanged, int failed) {
    return client.preparedQuery(COUNT_IMPORT).execute(Tuple.of(id, rows, inserted, unchanged, failed)).mapEmpty();
  }
}
