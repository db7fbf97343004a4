package cn.redlive.live;

import cn.redlive.core.Paging;
import io.vertx.core.Future;
import cn.redlive.platform.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All SQL of live sessions and their settled results; their orders are in the sales ledger (sales.LiveOrders). */
final class SessionRepository {

  private static final String SELECT_SESSION = """
      SELECT s.id, s.streamer_account_id, s.team_id, s.title, s.planned_start,
             s.planned_end, s.status, s.started_at, s.ended_at,
             ARRAY(SELECT p.product_id FROM live_session_products p WHERE p.session_id = s.id ORDER BY p.product_id)
               AS product_ids
        FROM live_sessions s
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
   * What rebuilding a session's lost Redis state starts from besides the ledger's orders: the last flushed figures,
   * zero before the first flush.
   */
  private static final String RESTORE_COUNTERS = """
      SELECT coalesce(r.peak_viewers, 0) AS peak, coalesce(r.views, 0) AS views, coalesce(r.likes, 0) AS likes,
             coalesce(r.new_fans, 0) AS fans, coalesce(r.comments, 0) AS comments, coalesce(r.shares, 0) AS shares,
             coalesce(r.watch_seconds, 0) * 1000 AS watch_ms
        FROM (SELECT $1::bigint AS session_id) s LEFT JOIN live_session_results r ON r.session_id = s.session_id
      """;

  private static final String OWNERS = """
      SELECT s.id, s.streamer_account_id, s.team_id FROM live_sessions s WHERE s.id = ANY($1::bigint[])
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

  /** The counters of the last flush, by the names the restore script takes (orders and GMV come from the ledger). */
  Future<java.util.Map<String, Long>> flushedCounters(long sessionId) {
    return pool.preparedQuery(RESTORE_COUNTERS).execute(Tuple.of(sessionId)).map(rows -> {
      Row row = rows.iterator().next();
      java.util.Map<String, Long> values = new java.util.LinkedHashMap<>();
      for (String name : List.of("peak", "views", "likes", "fans", "comments", "shares", "watch_ms")) {
        values.put(name, row.getLong(name));
      }
      return values;
    });
  }

  Future<Boolean> isSettled(long sessionId) {
    return pool.preparedQuery(SETTLED).execute(Tuple.of(sessionId)).map(rows -> rows.size() == 1);
  }

  Future<Optional<SessionFigures>> results(long sessionId) {
    return pool.preparedQuery(RESULTS).execute(Tuple.of(sessionId)).map(rows -> Rows.first(rows).map(SessionFigures::from));
  }

  record Owner(long sessionId, long streamerId, Long teamId) {
  }

  Future<List<Owner>> owners(List<Long> sessionIds) {
    return pool.preparedQuery(OWNERS).execute(Tuple.tuple().addArrayOfLong(sessionIds.toArray(Long[]::new))).map(rows -> {
      List<Owner> owners = new ArrayList<>();
      rows.forEach(r -> owners.add(new Owner(r.getLong("id"), r.getLong("streamer_account_id"), r.getLong("team_id"))));
      return owners;
    });
  }

}
