package cn.redlive.sales;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * SQL of reading the ledger entry by entry. One statement per filter, so each keeps a plan that uses its index
 * (a catch-all "$1 IS NULL OR ..." statement gets a generic plan that scans); days are turned into instants so
 * the time index serves both the order and the bounds. Pages continue after a (ordered_at, order_id) key.
 */
public final class SalesLedgerRepository {

  private static final String COLUMNS = "o.*";

  /** $1 first instant, $2 instant after the last, $3/$4 the key to continue after, $5 limit, $6 offset. */
  private static final String PAGE = """
      SELECT %s FROM sales_orders o
       WHERE o.ordered_at >= $1 AND o.ordered_at < $2
         AND o.ordered_at <= $3 AND (o.ordered_at < $3 OR o.order_id > $4)
       ORDER BY o.ordered_at DESC, o.order_id
       LIMIT $5 OFFSET $6
      """.formatted(COLUMNS);

  /** As {@link #PAGE}, for one streamer (talent-pool id) in $7. */
  private static final String STREAMER_PAGE = """
      SELECT %s FROM sales_orders o
       WHERE o.streamer_id = $7 AND o.ordered_at >= $1 AND o.ordered_at < $2
         AND o.ordered_at <= $3 AND (o.ordered_at < $3 OR o.order_id > $4)
       ORDER BY o.ordered_at DESC, o.order_id
       LIMIT $5 OFFSET $6
      """.formatted(COLUMNS);

  /** An order and the entries that refund it: a handful of rows, by the primary key and the refund_of index. */
  private static final String ORDER_ENTRIES = """
      SELECT %s FROM sales_orders o
       WHERE (o.order_id = $1 OR o.refund_of = $1) AND ($2::bigint IS NULL OR o.streamer_id = $2)
         AND o.ordered_at >= $3 AND o.ordered_at < $4
       ORDER BY o.ordered_at DESC, o.order_id
      """.formatted(COLUMNS);

  /** Counting stops past the cap: a total of millions is never needed exactly, and counting them is a scan. */
  static final int COUNT_CAP = 10_000;

  private static final String COUNT = """
      SELECT count(*) AS n FROM (SELECT 1 FROM sales_orders o WHERE o.ordered_at >= $1 AND o.ordered_at < $2 LIMIT $3) c
      """;

  private static final String STREAMER_COUNT = """
      SELECT count(*) AS n FROM (SELECT 1 FROM sales_orders o
        WHERE o.streamer_id = $4 AND o.ordered_at >= $1 AND o.ordered_at < $2 LIMIT $3) c
      """;

  private static final String LATEST_SALE = """
      SELECT max(ordered_at) AS latest FROM sales_orders WHERE streamer_id = $1
      """;

  /** Where a page starts: after this entry, or from the newest when {@link #FIRST}. */
  public record Key(Instant orderedAt, String orderId) {
    static final Key FIRST = new Key(Instant.parse("9999-12-31T00:00:00Z"), "");
  }

  /** Instants of a filter: [start, end). */
  public record Span(Instant start, Instant end) {
  }

  private final Pool pool;

  public SalesLedgerRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Long streamerId, Span span, Key after, int limit, int offset) {
    Tuple args = Tuple.of(utc(span.start()), utc(span.end()), utc(after.orderedAt()), after.orderId(), limit, offset);
    if (streamerId == null) return pool.preparedQuery(PAGE).execute(args);
    return pool.preparedQuery(STREAMER_PAGE).execute(args.addLong(streamerId));
  }

  Future<RowSet<Row>> orderEntries(String orderId, Long streamerId, Span span) {
    return pool.preparedQuery(ORDER_ENTRIES).execute(Tuple.of(orderId, streamerId, utc(span.start()), utc(span.end())));
  }

  /** How many entries match, counted up to {@code cap + 1}. */
  Future<Long> count(Long streamerId, Span span, int cap) {
    Tuple args = Tuple.of(utc(span.start()), utc(span.end()), cap + 1);
    var rows = streamerId == null ? pool.preparedQuery(COUNT).execute(args)
        : pool.preparedQuery(STREAMER_COUNT).execute(args.addLong(streamerId));
    return rows.map(found -> found.iterator().next().getLong("n"));
  }

  Future<Optional<Instant>> latestSaleOf(io.vertx.sqlclient.SqlClient tx, long streamerId) {
    return tx.preparedQuery(LATEST_SALE).execute(Tuple.of(streamerId)).map(rows -> Optional
        .ofNullable(rows.iterator().next().getOffsetDateTime("latest")).map(OffsetDateTime::toInstant));
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
