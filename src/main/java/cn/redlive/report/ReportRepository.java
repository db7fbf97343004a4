package cn.redlive.report;

import cn.redlive.sales.Period;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The SQL of reports: the cross-feature read models (sales rollups, live results, the people and catalog names beside
 * them), the only place that reads other features' tables. Sales figures come from the rollups only (sales_streamer_monthly and sales_streamer_daily for
 * streamers and teams, sales_daily for products and brands), never from the ledger itself, so reads stay fast over
 * years of orders; UV and conversion come from the settled results of live sessions.
 */
final class ReportRepository {

  static final String SUMS = "sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen";

  /**
   * Sales figures per key over a period given as {@link MonthSpans} from parameter {@code $first} on: its whole
   * months from the monthly rollup, the days before and after them from the daily one.
   */
  static String salesOver(String key, int first, String where) {
    String columns = key + " AS k, orders, refunds, gross_fen, refund_fen";
    return """
        SELECT k, %1$s FROM (
          SELECT %2$s FROM sales_streamer_monthly WHERE month BETWEEN $%3$d AND $%4$d%7$s
          UNION ALL SELECT %2$s FROM sales_streamer_daily WHERE business_day BETWEEN $%5$d AND $%6$d%7$s
          UNION ALL SELECT %2$s FROM sales_streamer_daily WHERE business_day BETWEEN $%8$d AND $%9$d%7$s
        ) f GROUP BY k""".formatted(SUMS, columns, first, first + 1, first + 2, first + 3, where, first + 4, first + 5);
  }

  /** $1..$6 the period, $7..$12 the period growth compares with (both as {@link MonthSpans}), $13..$14 as instants. */
  private static final String STREAMER_RANKING = """
      WITH cur AS (%2$s
      ), prev AS (
        SELECT k, gross_fen + refund_fen AS net FROM (%3$s) p
      ), live AS (
        SELECT s.streamer_account_id AS k, sum(r.unique_viewers) AS uv, sum(r.buyers) AS buyers, sum(r.gmv_fen) AS live_gmv
          FROM live_sessions s JOIN live_session_results r ON r.session_id = s.id
         WHERE s.planned_start >= $13 AND s.planned_start < $14 GROUP BY 1
      ), keys AS (
        SELECT k FROM cur UNION SELECT k FROM prev UNION SELECT k FROM live
        UNION SELECT account_id FROM streamers WHERE account_id IS NOT NULL AND status <> 'left'
      )
      SELECT keys.k AS account_id, st.id AS streamer_id, coalesce(st.stage_name, a.display_name) AS name,
             st.team_id, cur.orders, cur.refunds, cur.gross_fen, cur.refund_fen, coalesce(prev.net, 0) AS previous_net,
             coalesce(live.uv, 0) AS uv, coalesce(live.buyers, 0) AS buyers, coalesce(live.live_gmv, 0) AS live_gmv
        FROM keys JOIN accounts a ON a.id = keys.k
        LEFT JOIN streamers st ON st.account_id = keys.k
        LEFT JOIN cur ON cur.k = keys.k LEFT JOIN prev ON prev.k = keys.k LEFT JOIN live ON live.k = keys.k
      """.formatted(SUMS, salesOver("streamer_account_id", 1, ""), salesOver("streamer_account_id", 7, ""));

  /** Parameters as in {@link #STREAMER_RANKING}. */
  private static final String TEAM_RANKING = """
      WITH cur AS (%2$s
      ), prev AS (
        SELECT k, gross_fen + refund_fen AS net FROM (%3$s) p
      ), live AS (
        SELECT s.team_id AS k, sum(r.unique_viewers) AS uv, sum(r.buyers) AS buyers, sum(r.gmv_fen) AS live_gmv
          FROM live_sessions s JOIN live_session_results r ON r.session_id = s.id
         WHERE s.planned_start >= $13 AND s.planned_start < $14 AND s.team_id IS NOT NULL GROUP BY 1
      )
      SELECT t.id AS team_id, NULL::bigint AS account_id, NULL::bigint AS streamer_id, t.name, cur.orders, cur.refunds,
             cur.gross_fen, cur.refund_fen, coalesce(prev.net, 0) AS previous_net,
             coalesce(live.uv, 0) AS uv, coalesce(live.buyers, 0) AS buyers, coalesce(live.live_gmv, 0) AS live_gmv,
             (SELECT count(*) FROM streamers m WHERE m.team_id = t.id) AS members
        FROM teams t LEFT JOIN cur ON cur.k = t.id LEFT JOIN prev ON prev.k = t.id LEFT JOIN live ON live.k = t.id
      """.formatted(SUMS, salesOver("team_id", 1, " AND team_id IS NOT NULL"), salesOver("team_id", 7, " AND team_id IS NOT NULL"));

  private static final String TEAM_DAYS = """
      SELECT business_day, team_id, sum(gross_fen) + sum(refund_fen) AS net
        FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND team_id IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1, 2
      """;

  private static final String MONTHS_OF_ACCOUNT = """
      SELECT to_char(business_day, 'YYYY-MM') AS month, %1$s FROM sales_streamer_daily
       WHERE streamer_account_id = $1 AND business_day BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1
      """.formatted(SUMS);

  private static final String PERIOD_OF_ACCOUNT = """
      SELECT %1$s FROM sales_streamer_daily WHERE streamer_account_id = $1 AND business_day BETWEEN $2 AND $3
      """.formatted(SUMS);

  private static final String BEST_PRODUCTS_OF_ACCOUNT = """
      SELECT d.product_id, p.name, sum(d.quantity) AS quantity, sum(d.orders) AS orders,
             sum(d.gross_fen) + sum(d.refund_fen) AS net_fen
        FROM sales_daily d LEFT JOIN products p ON p.id = d.product_id
       WHERE d.streamer_account_id = $1 AND d.business_day BETWEEN $2 AND $3
       GROUP BY d.product_id, p.name ORDER BY net_fen DESC, d.product_id LIMIT $4
      """;

  private static final String SESSIONS_OF_ACCOUNT = """
      SELECT s.id, s.title, s.status, s.planned_start, s.started_at, s.ended_at, r.unique_viewers, r.peak_viewers,
             r.orders, r.buyers, r.gmv_fen, r.conversion_bp, r.uv_value_fen, r.new_fans
        FROM live_sessions s LEFT JOIN live_session_results r ON r.session_id = s.id
       WHERE s.streamer_account_id = $1 AND s.planned_start >= $2 AND s.planned_start < $3
       ORDER BY s.planned_start DESC LIMIT $4
      """;

  private static final String BRAND_DAYS = """
      SELECT business_day, %1$s FROM sales_daily WHERE brand_id = $1 AND business_day BETWEEN $2 AND $3
       GROUP BY 1 ORDER BY 1
      """.formatted(SUMS);

  private static final String BRAND_STREAMERS = """
      SELECT d.streamer_account_id, a.display_name AS name, %1$s FROM sales_daily d JOIN accounts a ON a.id = d.streamer_account_id
       WHERE d.brand_id = $1 AND d.business_day BETWEEN $2 AND $3
       GROUP BY 1, 2 ORDER BY sum(d.gross_fen) + sum(d.refund_fen) DESC
      """.formatted(SUMS.replace("sum(", "sum(d."));

  private static final String BRAND_PRODUCTS = """
      SELECT d.product_id, p.name, p.sku, sum(d.quantity) AS quantity, %1$s
        FROM sales_daily d LEFT JOIN products p ON p.id = d.product_id
       WHERE d.brand_id = $1 AND d.business_day BETWEEN $2 AND $3
       GROUP BY 1, 2, 3 ORDER BY sum(d.gross_fen) + sum(d.refund_fen) DESC
      """.formatted(SUMS.replace("sum(", "sum(d."));

  /**
   * Paid orders (refunds are rows of another kind and not GMV) per Beijing day and hour from $1 to $2, read from the ledger
   * through its time index: the rollups keep days, not hours.
   */
  private static final String GMV_BY_HOUR = """
      SELECT (ordered_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
             date_part('hour', ordered_at AT TIME ZONE 'Asia/Shanghai')::int AS hour,
             sum(amount_fen) AS gmv_fen, count(*) AS orders
        FROM sales_orders WHERE ordered_at >= $1 AND ordered_at < $2 AND kind = 'order'
       GROUP BY 1, 2
      """;

  private final Pool pool;

  ReportRepository(Pool pool) {
    this.pool = pool;
  }

  /** Each streamer's or team's figures over a period and the period growth compares with (see the SQL above). */
  Future<RowSet<Row>> ranking(boolean teams, Period period, Period before) {
    Tuple args = Tuple.tuple();
    for (Object arg : MonthSpans.of(period).args()) args.addValue(arg);
    for (Object arg : MonthSpans.of(before).args()) args.addValue(arg);
    args.addValue(utc(period.start())).addValue(utc(period.end()));
    return pool.preparedQuery(teams ? TEAM_RANKING : STREAMER_RANKING).execute(args);
  }

  Future<RowSet<Row>> gmvByHour(Instant from, Instant to) {
    return pool.preparedQuery(GMV_BY_HOUR).execute(Tuple.of(utc(from), utc(to)));
  }

  Future<RowSet<Row>> teamDays(Period period) {
    return pool.preparedQuery(TEAM_DAYS).execute(Tuple.of(period.from(), period.to()));
  }

  Future<RowSet<Row>> monthsOfAccount(long accountId, Period period) {
    return pool.preparedQuery(MONTHS_OF_ACCOUNT).execute(Tuple.of(accountId, period.from(), period.to()));
  }

  Future<RowSet<Row>> periodOfAccount(long accountId, Period period) {
    return pool.preparedQuery(PERIOD_OF_ACCOUNT).execute(Tuple.of(accountId, period.from(), period.to()));
  }

  /** The account's live sessions that started from {@code from}'s first instant to {@code to}'s last, newest first. */
  Future<RowSet<Row>> sessionsOfAccount(long accountId, Period from, Period to, int limit) {
    return pool.preparedQuery(SESSIONS_OF_ACCOUNT).execute(Tuple.of(accountId, utc(from.start()), utc(to.end()), limit));
  }

  Future<RowSet<Row>> bestProductsOfAccount(long accountId, Period period, int limit) {
    return pool.preparedQuery(BEST_PRODUCTS_OF_ACCOUNT).execute(Tuple.of(accountId, period.from(), period.to(), limit));
  }

  Future<RowSet<Row>> brandDays(long brandId, Period period) {
    return pool.preparedQuery(BRAND_DAYS).execute(Tuple.of(brandId, period.from(), period.to()));
  }

  Future<RowSet<Row>> brandStreamers(long brandId, Period period) {
    return pool.preparedQuery(BRAND_STREAMERS).execute(Tuple.of(brandId, period.from(), period.to()));
  }

  Future<RowSet<Row>> brandProducts(long brandId, Period period) {
    return pool.preparedQuery(BRAND_PRODUCTS).execute(Tuple.of(brandId, period.from(), period.to()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
