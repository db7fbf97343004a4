package cn.redlive.sales;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of the ledger's live orders: booking the orders of ingest batches (once per order id) and reading a session's
 * orders back for its settlement, its views and rebuilding live state Redis lost.
 */
final class LiveOrderRepository {

  /**
   * Inserts the orders of a batch, each once by order id, only for sessions that are live, and answers for every
   * order id which batch (producer, sequence) owns it: this batch for new orders and retries, another for copies.
   * The one statement outside live that reads live_sessions: checking the session is live in the statement that
   * books its orders is what keeps an order from being booked after its session ended (a check before it races).
   */
  private static final String INSERT_ORDERS = """
      WITH incoming AS (
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::int[], $5::bigint[], $6::timestamptz[],
                             $7::text[], $8::text[], $9::bigint[])
                   AS t(order_id, session_id, product_id, quantity, amount_fen, ordered_at, buyer_id, producer_id,
                        batch_sequence)
      ), inserted AS (
        INSERT INTO sales_orders (order_id, session_id, streamer_account_id, team_id, product_id, quantity, amount_fen,
                                  ordered_at, business_day, buyer_id, producer_id, batch_sequence)
        SELECT i.order_id, i.session_id, s.streamer_account_id, s.team_id, i.product_id, i.quantity, i.amount_fen,
               i.ordered_at, (i.ordered_at AT TIME ZONE 'Asia/Shanghai')::date, i.buyer_id, i.producer_id, i.batch_sequence
          FROM incoming i JOIN live_sessions s ON s.id = i.session_id AND s.status = 'live'
        ON CONFLICT (order_id) DO NOTHING
        RETURNING order_id, producer_id, batch_sequence
      )
      SELECT order_id, producer_id, batch_sequence FROM inserted
      UNION ALL
      SELECT o.order_id, o.producer_id, o.batch_sequence FROM sales_orders o WHERE o.order_id = ANY($1::text[])
      """;

  /**
   * Owners of orders a concurrent statement committed while ours ran: INSERT ... ON CONFLICT waits for it and skips
   * the row, but the statement's snapshot predates that commit, so only a new statement sees the owner.
   */
  private static final String ORDER_OWNERS = """
      SELECT order_id, producer_id, batch_sequence FROM sales_orders WHERE order_id = ANY($1::text[])
      """;

  /** Refunds reduce net GMV and are not orders; buyers are distinct buyers of paid orders. */
  private static final String SESSION_TOTALS = """
      SELECT count(*) FILTER (WHERE kind = 'order') AS orders,
             coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0) AS gmv,
             coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0) AS refunds,
             count(DISTINCT buyer_id) FILTER (WHERE kind = 'order') AS buyers
        FROM sales_orders WHERE session_id = $1
      """;

  /** Per product of a session: paid orders, quantity sold, GMV and what refunds took back. */
  private static final String PRODUCTS_OF_SESSION = """
      SELECT product_id, count(*) FILTER (WHERE kind = 'order') AS orders,
             coalesce(sum(quantity) FILTER (WHERE kind = 'order'), 0) AS quantity,
             coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0) AS gmv_fen,
             coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0) AS refund_fen
        FROM sales_orders WHERE session_id = $1 GROUP BY product_id ORDER BY gmv_fen DESC, product_id
      """;

  /** A session's paid orders and GMV, leaving out the orders of the batch being applied ($2 producer, $3 sequence). */
  private static final String ORDERS_BESIDES_BATCH = """
      SELECT count(*) AS orders, coalesce(sum(amount_fen), 0) AS gmv FROM sales_orders
       WHERE session_id = $1 AND kind = 'order'
         AND NOT (producer_id IS NOT DISTINCT FROM $2 AND batch_sequence IS NOT DISTINCT FROM $3)
      """;

  /** The highest batch sequence each producer brought orders with, but the batch being applied. */
  private static final String LAST_SEQUENCES = """
      SELECT producer_id, max(batch_sequence) AS sequence FROM sales_orders
       WHERE session_id = $1 AND producer_id IS NOT NULL AND batch_sequence IS NOT NULL
         AND NOT (producer_id = $2 AND batch_sequence = $3)
       GROUP BY producer_id
      """;

  private final Pool pool;

  LiveOrderRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Inserts the orders (one statement, one transaction; the orders may come from several batches) and answers the
   * owner of each order id: the rows inserted now first, then those already recorded.
   */
  Future<List<LiveOrders.Owner>> insert(List<LiveOrders.Booking> unordered) {
    // rows go in by order id, so two statements bringing the same orders lock them in the same order: no deadlock
    List<LiveOrders.Booking> writes = unordered.stream().sorted(Comparator.comparing(LiveOrders.Booking::orderId)).toList();
    int n = writes.size();
    String[] ids = new String[n];
    Long[] sessions = new Long[n];
    Long[] products = new Long[n];
    Integer[] quantities = new Integer[n];
    Long[] amounts = new Long[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    String[] buyers = new String[n];
    String[] producers = new String[n];
    Long[] sequences = new Long[n];
    for (int i = 0; i < n; i++) {
      LiveOrders.Booking o = writes.get(i);
      ids[i] = o.orderId();
      sessions[i] = o.sessionId();
      products[i] = o.productId();
      quantities[i] = o.quantity();
      amounts[i] = o.amountFen();
      times[i] = o.orderedAt().atOffset(ZoneOffset.UTC);
      buyers[i] = o.buyerId();
      producers[i] = o.producerId();
      sequences[i] = o.sequence();
    }
    return pool.preparedQuery(INSERT_ORDERS)
        .execute(Tuple.from(new Object[] {ids, sessions, products, quantities, amounts, times, buyers, producers, sequences}))
        .map(LiveOrderRepository::owners)
        .compose(owners -> {
          Set<String> known = new HashSet<>();
          owners.forEach(o -> known.add(o.orderId()));
          String[] unseen = Arrays.stream(ids).filter(id -> !known.contains(id)).toArray(String[]::new);
          if (unseen.length == 0) return Future.succeededFuture(owners);
          return pool.preparedQuery(ORDER_OWNERS).execute(Tuple.tuple().addArrayOfString(unseen)).map(rows -> {
            List<LiveOrders.Owner> all = new ArrayList<>(owners);
            all.addAll(owners(rows));
            return all;
          });
        });
  }

  private static List<LiveOrders.Owner> owners(RowSet<Row> rows) {
    List<LiveOrders.Owner> owners = new ArrayList<>();
    rows.forEach(row -> owners.add(new LiveOrders.Owner(row.getString("order_id"), row.getString("producer_id"),
        row.getLong("batch_sequence") == null ? -1 : row.getLong("batch_sequence"))));
    return owners;
  }

  Future<LiveOrders.SessionTotals> totals(long sessionId) {
    return pool.preparedQuery(SESSION_TOTALS).execute(Tuple.of(sessionId)).map(rows -> {
      Row row = rows.iterator().next();
      return new LiveOrders.SessionTotals(row.getLong("orders"), row.getLong("gmv"), row.getLong("refunds"),
          row.getLong("buyers"));
    });
  }

  Future<List<LiveOrders.ProductSales>> products(long sessionId) {
    return pool.preparedQuery(PRODUCTS_OF_SESSION).execute(Tuple.of(sessionId)).map(rows -> {
      List<LiveOrders.ProductSales> list = new ArrayList<>();
      rows.forEach(r -> list.add(new LiveOrders.ProductSales(r.getLong("product_id"), r.getLong("orders"),
          r.getLong("quantity"), r.getLong("gmv_fen"), r.getLong("refund_fen"))));
      return list;
    });
  }

  Future<LiveOrders.Booked> bookedBesides(long sessionId, String producerId, long sequence) {
    Tuple params = Tuple.of(sessionId, producerId, sequence);
    Future<Row> orders = pool.preparedQuery(ORDERS_BESIDES_BATCH).execute(params).map(rows -> rows.iterator().next());
    Future<Map<String, Long>> sequences = pool.preparedQuery(LAST_SEQUENCES).execute(params).map(rows -> {
      Map<String, Long> values = new LinkedHashMap<>();
      rows.forEach(row -> values.put(row.getString("producer_id"), row.getLong("sequence")));
      return values;
    });
    return Future.all(orders, sequences).map(v -> new LiveOrders.Booked(orders.result().getLong("orders"),
        orders.result().getLong("gmv"), sequences.result()));
  }
}
