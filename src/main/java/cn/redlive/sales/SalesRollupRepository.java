package cn.redlive.sales;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * SQL of net sales per scope over days, read from the daily rollups (V42): streamers and teams from
 * sales_streamer_daily, enterprises from sales_daily. $1/$2 the days, $3 the one scope id where one is asked for.
 */
public final class SalesRollupRepository {

  private static final String STREAMERS = """
      SELECT streamer_id AS key, sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen,
             sum(refund_fen) AS refund_fen
        FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND streamer_id IS NOT NULL GROUP BY streamer_id
      """;

  private static final String TEAMS = """
      SELECT team_id AS key, sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen,
             sum(refund_fen) AS refund_fen
        FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND team_id IS NOT NULL GROUP BY team_id
      """;

  private static final String ENTERPRISES = """
      SELECT enterprise_id AS key, sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen,
             sum(refund_fen) AS refund_fen
        FROM sales_daily WHERE business_day BETWEEN $1 AND $2 AND enterprise_id IS NOT NULL GROUP BY enterprise_id
      """;

  private static final String BASE = """
      SELECT 0::bigint AS key, sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen,
             sum(refund_fen) AS refund_fen
        FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2
      """;

  private static final String ONE_STREAMER = """
      SELECT sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen
        FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND streamer_id = $3
      """;

  private static final String ONE_TEAM = """
      SELECT sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen
        FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND team_id = $3
      """;

  private static final String ONE_ENTERPRISE = """
      SELECT sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen
        FROM sales_daily WHERE business_day BETWEEN $1 AND $2 AND enterprise_id = $3
      """;

  private static final String ONE_BASE = """
      SELECT sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen
        FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND $3::bigint = 0
      """;

  private final Pool pool;

  public SalesRollupRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> byScope(SalesTotals.Scope scope, Period period) {
    String sql = switch (scope) {
      case STREAMER -> STREAMERS;
      case TEAM -> TEAMS;
      case ENTERPRISE -> ENTERPRISES;
      case BASE -> BASE;
    };
    return pool.preparedQuery(sql).execute(Tuple.of(period.from(), period.to()));
  }

  Future<RowSet<Row>> one(SalesTotals.Scope scope, long id, Period period) {
    String sql = switch (scope) {
      case STREAMER -> ONE_STREAMER;
      case TEAM -> ONE_TEAM;
      case ENTERPRISE -> ONE_ENTERPRISE;
      case BASE -> ONE_BASE;
    };
    return pool.preparedQuery(sql).execute(Tuple.of(period.from(), period.to(), id));
  }
}
