package cn.redlive.sales;

import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** The sales ledger, its CSV imports (streamed) and the daily totals other features read. */
public final class SalesFeature implements Feature {

  private final SalesLedger ledger;
  private final SalesTotals totals;
  private final SalesImports imports;

  public SalesFeature(Pool pool, Clock clock) {
    this.ledger = new SalesLedger(new SalesLedgerRepository(pool));
    this.totals = new SalesTotals(new SalesRollupRepository(pool));
    this.imports = new SalesImports(new SalesImportRepository(pool), clock);
  }

  public SalesLedger ledger() {
    return ledger;
  }

  public SalesTotals totals() {
    return totals;
  }

  @Override
  public void register(ApiRoutes api) {
    new SalesRoutes(imports, ledger).register(api);
  }
}
