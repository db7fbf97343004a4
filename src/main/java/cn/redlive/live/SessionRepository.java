package cn.redlive.live;

import cn.redlive.core.Paging;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import cn.redlive.platform.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All SQL of live sessions, the live sales ledger and settled results. */
final class SessionRepository {

  private static final String SELECT_SESSION = """
      SELECT s.id, s.streamer_account_id, a.display_name AS streamer_name, s.team_id, s.title, s.planned_start,
             s.planned_end, s.status, s.started_at, s.ended_at,
             ARRAY(SELECT p.product_id FROM live_session_products p WHERE p.session_id = s.id ORDER BY p.product_id)
               AS product_ids
        FROM live_sessions s JOIN accounts a ON a.id = s.streamer_account_id
      """;

  private static final String FIND = SELECT_SESSION + " WHERE s.id = $1";

  private static final String LIST = SELECT_SESSION + """
       WHERE ($1::text IS NULL OR s.status = $1)
         AND ($2::bigint IS NULL OR s.streamer_account_id = $2)
       ORDER BY s.planned_start DESC, s.id DESC
       LIMIT $3 OFFSET $4
      """;

  private static final String COUNT = """
      SELECT count(*) AS n FROM live_sessions s
       WHERE ($1::text IS NULL OR s.status = $1) AND ($2::bigint IS NULL OR s.streamer_account_id = $2)
      """;

  private static final String INSERT = """
      INSERT INTO live_sessions (streamer_account_id, team_id, title, planned_start, planned_end, created_by)
      VALUES ($1, $2, $3, $4, $5, $6)
      RETURNING id
      """;

  private static final String INSERT_PRODUCTS = """
      INSERT INTO live_session_products (session_id, product_id) SELECT $1, unnest($2::bigint[])
      ON CONFLICT DO NOTHING
      """;

  /** A session that starts is due for settlement (V80) from now on. */
  private static final String START = """
      WITH started AS (
        UPDATE live_sessions SET status = 'live', started_at = now() WHERE id = $1 AND status = 'scheduled' RETURNING id
      ), leased AS (
        INSERT INTO live_session_settlement (session_id) SELECT id FROM started ON CONFLICT (session_id) DO NOTHING
      )
      SELECT id FROM started
      """;

  /**
   * The instance ending a session settles it at once, so its lease (V80) is put $2 ms ahead: no tick settles it in
   * the meantime, and one does should this settlement fail.
   */
  private static final String END = """
      WITH ended AS (
        UPDATE live_sessions SET status = 'ended', ended_at = now() WHERE id = $1 AND status = 'live' RETURNING id
      ), deferred AS (
        UPDATE live_session_settlement SET due_at = now() + $2::bigint * interval '1 millisecond'
         WHERE session_id IN (SELECT id FROM ended)
      )
      SELECT id FROM ended
      """;

  /**
   * Inserts the orders of a batch, each once by order id, only for sessions that are live, and answers for every
   * order id which batch (producer, sequence) owns it: this batch for new orders and retries, another for copies.
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
  private static final String LEDGER_TOTALS = """
      SELECT count(*) FILTER (WHERE kind = 'order') AS orders,
             coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0) AS gmv,
             coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0) AS refunds,
             count(DISTINCT buyer_id) FILTER (WHERE kind = 'order') AS buyers
        FROM sales_orders WHERE session_id = $1
      """;

  /** Per product of a session, from the ledger: paid orders, quantity sold, GMV and what refunds took back. */
  private static final String PRODUCTS_OF_SESSION = """
      SELECT product_id, count(*) FILTER (WHERE kind = 'order') AS orders,
             coalesce(sum(quantity) FILTER (WHERE kind = 'order'), 0) AS quantity,
             coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0) AS gmv_fen,
             coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0) AS refund_fen
        FROM sales_orders WHERE session_id = $1 GROUP BY product_id ORDER BY gmv_fen DESC, product_id
      """;

  /**
   * The figures of many sessions in one statement (one array per column; a session at most once). A live flush that
   * changes nothing writes nothing: every write bumps the month's report version (V45).
   */
  private static final String UPSERT_RESULTS = """
      INSERT INTO live_session_results AS r (session_id, peak_viewers, unique_viewers, views, likes, new_fans, comments,
             shares, orders, buyers, gmv_fen, refund_fen, watch_seconds, avg_watch_seconds, conversion_bp, uv_value_fen,
             final, settled_at)
      SELECT t.*, $17::boolean, now()
        FROM unnest($1::bigint[], $2::int[], $3::int[], $4::bigint[], $5::bigint[], $6::int[], $7::int[], $8::int[],
                    $9::int[], $10::int[], $11::bigint[], $12::bigint[], $13::bigint[], $14::int[], $15::int[],
                    $16::bigint[]) AS t
      ON CONFLICT (session_id) DO UPDATE SET
        peak_viewers = EXCLUDED.peak_viewers, unique_viewers = EXCLUDED.unique_viewers, views = EXCLUDED.views,
        likes = EXCLUDED.likes, new_fans = EXCLUDED.new_fans, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
        orders = EXCLUDED.orders, buyers = EXCLUDED.buyers, gmv_fen = EXCLUDED.gmv_fen, refund_fen = EXCLUDED.refund_fen,
        watch_seconds = EXCLUDED.watch_seconds, avg_watch_seconds = EXCLUDED.avg_watch_seconds,
        conversion_bp = EXCLUDED.conversion_bp, uv_value_fen = EXCLUDED.uv_value_fen,
        final = EXCLUDED.final, settled_at = now()
      WHERE NOT r.final
        AND (r.peak_viewers, r.unique_viewers, r.views, r.likes, r.new_fans, r.comments, r.shares, r.orders, r.buyers,
             r.gmv_fen, r.refund_fen, r.watch_seconds, r.final)
            IS DISTINCT FROM (EXCLUDED.peak_viewers, EXCLUDED.unique_viewers, EXCLUDED.views, EXCLUDED.likes,
             EXCLUDED.new_fans, EXCLUDED.comments, EXCLUDED.shares, EXCLUDED.orders, EXCLUDED.buyers, EXCLUDED.gmv_fen,
             EXCLUDED.refund_fen, EXCLUDED.watch_seconds, EXCLUDED.final)
      """;

  private static final String RESULTS = "SELECT * FROM live_session_results WHERE session_id = $1";

  private static final String SETTLED = "SELECT 1 FROM live_session_results WHERE session_id = $1 AND final";

  /**
   * What rebuilding a session's lost Redis state starts from: the last flushed figures and the ledger's orders,
   * leaving out the orders of the batch being applied ($2 producer, $3 sequence), which that batch then counts.
   */
  private static final String RESTORE_COUNTERS = """
      SELECT coalesce(r.peak_viewers, 0) AS peak, coalesce(r.views, 0) AS views, coalesce(r.likes, 0) AS likes,
             coalesce(r.new_fans, 0) AS fans, coalesce(r.comments, 0) AS comments, coalesce(r.shares, 0) AS shares,
             coalesce(r.watch_seconds, 0) * 1000 AS watch_ms, o.orders, o.gmv
        FROM (SELECT count(*) AS orders, coalesce(sum(amount_fen), 0) AS gmv FROM sales_orders
               WHERE session_id = $1 AND kind = 'order'
                 AND NOT (producer_id IS NOT DISTINCT FROM $2 AND batch_sequence IS NOT DISTINCT FROM $3)) o
        LEFT JOIN live_session_results r ON r.session_id = $1
      """;

  /** The highest batch sequence each producer brought orders with, but the batch being applied. */
  private static final String RESTORE_SEQUENCES = """
      SELECT producer_id, max(batch_sequence) AS sequence FROM sales_orders
       WHERE session_id = $1 AND producer_id IS NOT NULL AND batch_sequence IS NOT NULL
         AND NOT (producer_id = $2 AND batch_sequence = $3)
       GROUP BY producer_id
      """;

  private static final String OWNERS = """
      SELECT s.id, s.streamer_account_id, s.team_id, a.display_name
        FROM live_sessions s JOIN accounts a ON a.id = s.streamer_account_id WHERE s.id = ANY($1::bigint[])
      """;

  private final Pool pool;

  SessionRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Optional<LiveSession>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(LiveSession::from));
  }

  record PageOf(List<LiveSession> items, long total) {
  }

  Future<PageOf> list(String status, Long streamerId, Paging paging) {
    Future<List<LiveSession>> items = pool.preparedQuery(LIST)
        .execute(Tuple.of(status, streamerId, paging.size(), paging.offset()))
        .map(rows -> {
          List<LiveSession> list = new ArrayList<>();
          rows.forEach(row -> list.add(LiveSession.from(row)));
          return list;
        });
    Future<Long> total = pool.preparedQuery(COUNT).execute(Tuple.of(status, streamerId))
        .map(rows -> rows.iterator().next().getLong("n"));
    return Future.all(items, total).map(v -> new PageOf(items.result(), total.result()));
  }

  Future<Long> insert(long streamerId, Long teamId, String title, OffsetDateTime start, OffsetDateTime end,
                      long createdBy, List<Long> productIds) {
    return pool.withTransaction(tx -> tx.preparedQuery(INSERT)
        .execute(Tuple.of(streamerId, teamId, title, start, end, createdBy))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> tx.preparedQuery(INSERT_PRODUCTS)
            .execute(Tuple.tuple().addLong(id).addArrayOfLong(productIds.toArray(Long[]::new))).map(id)));
  }

  Future<Boolean> start(long id) {
    return pool.preparedQuery(START).execute(Tuple.of(id)).map(rows -> rows.size() == 1);
  }

  Future<Boolean> end(long id, long settleWithinMs) {
    return pool.preparedQuery(END).execute(Tuple.of(id, settleWithinMs)).map(rows -> rows.size() == 1);
  }

  /** Owner (producer, sequence) of each order id after inserting the new ones. */
  record OrderOwner(String orderId, String producerId, long sequence) {
  }

  /** An order to write and the batch (producer, sequence) that brings it. */
  record OrderWrite(LiveEvent order, String producerId, long sequence) {
  }

  /**
   * Inserts the orders (one statement, one transaction; the orders may come from several batches) and answers the
   * owner of each order id: the rows inserted now first, then those already recorded.
   */
  Future<List<OrderOwner>> insertOrders(List<OrderWrite> unordered) {
    // rows go in by order id, so two statements bringing the same orders lock them in the same order: no deadlock
    List<OrderWrite> writes = unordered.stream()
        .sorted(java.util.Comparator.comparing((OrderWrite w) -> w.order().orderId())).toList();
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
      LiveEvent o = writes.get(i).order();
      ids[i] = o.orderId();
      sessions[i] = o.sessionId();
      products[i] = o.productId();
      quantities[i] = o.quantity();
      amounts[i] = o.amountFen();
      times[i] = o.at().atOffset(java.time.ZoneOffset.UTC);
      buyers[i] = o.buyerId();
      producers[i] = writes.get(i).producerId();
      sequences[i] = writes.get(i).sequence();
    }
    return pool.preparedQuery(INSERT_ORDERS)
        .execute(Tuple.from(new Object[] {ids, sessions, products, quantities, amounts, times, buyers, producers, sequences}))
        .map(SessionRepository::owners)
        .compose(owners -> {
          java.util.Set<String> known = new java.util.HashSet<>();
          owners.forEach(o -> known.add(o.orderId()));
          String[] unseen = java.util.Arrays.stream(ids).filter(id -> !known.contains(id)).toArray(String[]::new);
          if (unseen.length == 0) return Future.succeededFuture(owners);
          return pool.preparedQuery(ORDER_OWNERS).execute(Tuple.tuple().addArrayOfString(unseen)).map(rows -> {
            List<OrderOwner> all = new ArrayList<>(owners);
            all.addAll(owners(rows));
            return all;
          });
        });
  }

  private static List<OrderOwner> owners(RowSet<Row> rows) {
    List<OrderOwner> owners = new ArrayList<>();
    rows.forEach(row -> owners.add(new OrderOwner(row.getString("order_id"), row.getString("producer_id"),
        row.getLong("batch_sequence") == null ? -1 : row.getLong("batch_sequence"))));
    return owners;
  }

  record LedgerTotals(long orders, long gmvFen, long refundFen, long buyers) {
  }

  Future<LedgerTotals> ledgerTotals(long sessionId) {
    return pool.preparedQuery(LEDGER_TOTALS).execute(Tuple.of(sessionId)).map(rows -> {
      Row row = rows.iterator().next();
      return new LedgerTotals(row.getLong("orders"), row.getLong("gmv"), row.getLong("refunds"), row.getLong("buyers"));
    });
  }

  Future<JsonArray> productsOf(long sessionId) {
    return pool.preparedQuery(PRODUCTS_OF_SESSION).execute(Tuple.of(sessionId)).map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(new JsonObject().put("productId", r.getLong("product_id")).put("orders", r.getLong("orders"))
          .put("quantity", r.getLong("quantity")).put("gmvFen", r.getLong("gmv_fen")).put("refundFen", r.getLong("refund_fen"))));
      return list;
    });
  }

  Future<Void> upsertResults(SessionFigures figures, boolean finalFigures) {
    return upsertResults(List.of(figures), finalFigures);
  }

  /** One statement for all; rows go in by session id, so two statements lock shared rows in the same order. */
  Future<Void> upsertResults(List<SessionFigures> unordered, boolean finalFigures) {
    if (unordered.isEmpty()) return Future.succeededFuture();
    List<SessionFigures> all = unordered.stream().sorted(java.util.Comparator.comparingLong(SessionFigures::sessionId)).toList();
    int n = all.size();
    Object[] columns = {new Long[n], new Integer[n], new Integer[n], new Long[n], new Long[n], new Integer[n],
        new Integer[n], new Integer[n], new Integer[n], new Integer[n], new Long[n], new Long[n], new Long[n],
        new Integer[n], new Integer[n], new Long[n], finalFigures};
    for (int i = 0; i < n; i++) {
      SessionFigures f = all.get(i);
      Object[] row = {f.sessionId(), f.peakViewers(), f.uniqueViewers(), f.views(), f.likes(), f.newFans(), f.comments(),
          f.shares(), f.orders(), f.buyers(), f.gmvFen(), f.refundFen(), f.watchSeconds(), f.avgWatchSeconds(),
          f.conversionBp(), f.uvValueFen()};
      for (int c = 0; c < row.length; c++) ((Object[]) columns[c])[i] = row[c];
    }
    return pool.preparedQuery(UPSERT_RESULTS).execute(Tuple.from(columns)).mapEmpty();
  }

  /** The state to rebuild in Redis: counter name to value, and producer to last sequence. */
  record LostState(java.util.Map<String, Long> counters, java.util.Map<String, Long> sequences) {
  }

  Future<LostState> lostState(long sessionId, String applyingProducer, long applyingSequence) {
    Tuple params = Tuple.of(sessionId, applyingProducer, applyingSequence);
    Future<java.util.Map<String, Long>> counters = pool.preparedQuery(RESTORE_COUNTERS).execute(params).map(rows -> {
      Row row = rows.iterator().next();
      java.util.Map<String, Long> values = new java.util.LinkedHashMap<>();
      for (String name : List.of("peak", "views", "likes", "fans", "comments", "shares", "watch_ms", "orders", "gmv")) {
        values.put(name, row.getLong(name));
      }
      return values;
    });
    Future<java.util.Map<String, Long>> sequences = pool.preparedQuery(RESTORE_SEQUENCES).execute(params).map(rows -> {
      java.util.Map<String, Long> values = new java.util.LinkedHashMap<>();
      rows.forEach(row -> values.put(row.getString("producer_id"), row.getLong("sequence")));
      return values;
    });
    return Future.all(counters, sequences).map(v -> new LostState(counters.result(), sequences.result()));
  }

  Future<Boolean> isSettled(long sessionId) {
    return pool.preparedQuery(SETTLED).execute(Tuple.of(sessionId)).map(rows -> rows.size() == 1);
  }

  Future<Optional<SessionFigures>> results(long sessionId) {
    return pool.preparedQuery(RESULTS).execute(Tuple.of(sessionId)).map(rows -> Rows.first(rows).map(SessionFigures::from));
  }

  record Owner(long sessionId, long streamerId, Long teamId, String streamerName) {
  }

  Future<List<Owner>> owners(List<Long> sessionIds) {
    return pool.preparedQuery(OWNERS).execute(Tuple.tuple().addArrayOfLong(sessionIds.toArray(Long[]::new))).map(rows -> {
      List<Owner> owners = new ArrayList<>();
      rows.forEach(r -> owners.add(new Owner(r.getLong("id"), r.getLong("streamer_account_id"), r.getLong("team_id"),
          r.getString("display_name"))));
      return owners;
    });
  }

}
