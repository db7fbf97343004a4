package cn.redlive.sales;

import cn.redlive.account.AccountService;
import cn.redlive.product.Products;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** The sales ledger, its CSV imports (streamed), the live orders it books and the daily totals other features read. */
public final class SalesFeature implements Feature {

  private final SalesLedger ledger;
  private final SalesTotals totals;
  private final SalesImports imports;
  private final LiveOrders liveOrders;

  public SalesFeature(Pool pool, AccountService accounts, Products products, Clock clock) {
    this.ledger = new SalesLedger(new SalesLedgerRepository(pool), accounts);
    this.totals = new SalesTotals(new SalesRollupRepository(pool));
    this.imports = new SalesImports(new SalesImportRepository(pool), accounts, products, clock);
    this.liveOrders = new LiveOrders(new LiveOrderRepository(pool));
  }

  public SalesLedger ledger() {
    return ledger;
  }

  public SalesTotals totals() {
    return totals;
  }

  public LiveOrders liveOrders() {
    return liveOrders;
  }

  @Override
  public void register(ApiRoutes api) {
    new SalesRoutes(imports, ledger).register(api);
  }
}
