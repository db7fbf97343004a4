package cn.redlive.sales;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.Map;

/** Net sales per scope over a period, read from the daily rollups: what targets and enterprises compare. */
public final class SalesTotals {

  public enum Scope { STREAMER, TEAM, ENTERPRISE, BASE }

  /** Key of the whole base in the maps this answers. */
  public static final long BASE = 0;

  private static final String FIGURES = "sum(orders) AS orders, sum(refunds) AS refunds, sum(gross_fen) AS gross_fen, sum(refund_fen) AS refund_fen";

  private static final Map<Scope, String> QUERIES = Map.of(
      Scope.STREAMER, "SELECT streamer_id AS key, " + FIGURES
          + " FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND streamer_id IS NOT NULL GROUP BY streamer_id",
      Scope.TEAM, "SELECT team_id AS key, " + FIGURES
          + " FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND team_id IS NOT NULL GROUP BY team_id",
      Scope.ENTERPRISE, "SELECT enterprise_id AS key, " + FIGURES
          + " FROM sales_daily WHERE business_day BETWEEN $1 AND $2 AND enterprise_id IS NOT NULL GROUP BY enterprise_id",
      Scope.BASE, "SELECT 0::bigint AS key, " + FIGURES + " FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2");

  private static final Map<Scope, String> ONE = Map.of(
      Scope.STREAMER, "SELECT " + FIGURES + " FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND streamer_id = $3",
      Scope.TEAM, "SELECT " + FIGURES + " FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND team_id = $3",
      Scope.ENTERPRISE, "SELECT " + FIGURES + " FROM sales_daily WHERE business_day BETWEEN $1 AND $2 AND enterprise_id = $3",
      Scope.BASE, "SELECT " + FIGURES + " FROM sales_streamer_daily WHERE business_day BETWEEN $1 AND $2 AND $3::bigint = 0");

  private final Pool pool;

  public SalesTotals(Pool pool) {
    this.pool = pool;
  }

  /** Figures per scope id (streamer = talent-pool id; {@link #BASE} for the base); absent ids sold nothing. */
  public Future<Map<Long, SalesFigures>> byScope(Scope scope, Period period) {
    return pool.preparedQuery(QUERIES.get(scope)).execute(Tuple.of(period.from(), period.to())).map(rows -> {
      Map<Long, SalesFigures> figures = new HashMap<>();
      rows.forEach(row -> {
        if (row.getLong("orders") != null) figures.put(row.getLong("key"), SalesFigures.from(row));
      });
      return figures;
    });
  }

  /** The same figures for one scope id only, in the shape of {@link #byScope}. */
  public Future<Map<Long, SalesFigures>> one(Scope scope, long id, Period period) {
    return pool.preparedQuery(ONE.get(scope)).execute(Tuple.of(period.from(), period.to(), id)).map(rows -> {
      var row = rows.iterator().next();
      return row.getLong("orders") == null ? Map.of() : Map.of(id, SalesFigures.from(row));
    });
  }
}
