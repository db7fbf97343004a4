package cn.redlive.sales;

import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Paging;
import cn.redlive.web.Principal;
import cn.redlive.web.QueryParams;
import cn.redlive.web.Respond;

/** HTTP face of the sales ledger: manager imports and entry listing. */
public final class SalesRoutes {

  private final SalesImports imports;
  private final SalesLedger ledger;

  public SalesRoutes(SalesImports imports, SalesLedger ledger) {
    this.imports = imports;
    this.ledger = ledger;
  }

  public void register(ApiRoutes api) {
    api.handle("importSales", rc -> Respond.ok(rc, imports.importCsv(rc.body().buffer().getBytes(),
        QueryParams.text(rc, "fileName"), Principal.of(rc).accountId(), "true".equals(QueryParams.text(rc, "dryRun")))));
    api.handle("listSalesEntries", rc -> Respond.ok(rc, ledger.list(QueryParams.optionalLong(rc, "streamerId"),
        QueryParams.text(rc, "orderId"), QueryParams.optionalDate(rc, "from"), QueryParams.optionalDate(rc, "to"),
        Paging.from(rc))));
  }
}
