package cn.redlive.sales;

import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;

/** Net sales per scope over a period, read from the daily rollups: what targets and enterprises compare. */
public final class SalesTotals {

  public enum Scope { STREAMER, TEAM, ENTERPRISE, BASE }

  /** Key of the whole base in the maps this answers. */
  public static final long BASE = 0;

  private final SalesRollupRepository repository;

  public SalesTotals(SalesRollupRepository repository) {
    this.repository = repository;
  }

  /** Figures per scope id (streamer = talent-pool id; {@link #BASE} for the base); absent ids sold nothing. */
  public Future<Map<Long, SalesFigures>> byScope(Scope scope, Period period) {
    return repository.byScope(scope, period).map(rows -> {
      Map<Long, SalesFigures> figures = new HashMap<>();
      rows.forEach(row -> {
        if (row.getLong("orders") != null) figures.put(row.getLong("key"), SalesFigures.from(row));
      });
      return figures;
    });
  }

  /** The same figures for one scope id only, in the shape of {@link #byScope}. */
  public Future<Map<Long, SalesFigures>> one(Scope scope, long id, Period period) {
    return repository.one(scope, id, period).map(rows -> {
      var row = rows.iterator().next();
      return row.getLong("orders") == null ? Map.of() : Map.of(id, SalesFigures.from(row));
    });
  }
}
