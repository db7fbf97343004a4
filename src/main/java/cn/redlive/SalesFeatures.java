package cn.redlive;

import cn.redlive.enterprise.EnterpriseRoutes;
import cn.redlive.enterprise.Enterprises;
import cn.redlive.report.PeoplePanel;
import cn.redlive.report.Rankings;
import cn.redlive.report.ReportRoutes;
import cn.redlive.report.Reports;
import cn.redlive.sales.SalesImportRepository;
import cn.redlive.sales.SalesImports;
import cn.redlive.sales.SalesLedger;
import cn.redlive.sales.SalesLedgerRepository;
import cn.redlive.sales.SalesRoutes;
import cn.redlive.sales.SalesRollupRepository;
import cn.redlive.sales.SalesTotals;
import cn.redlive.target.BaseGoals;
import cn.redlive.target.TargetRoutes;
import cn.redlive.target.Targets;
import cn.redlive.web.ApiRoutes;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** The sales features (ledger and imports, enterprises, targets and goals, performance review), wired once. */
record SalesFeatures(SalesImports imports, SalesLedger ledger, Enterprises enterprises, Targets targets, BaseGoals goals,
                     Rankings rankings, Reports reports) {

  static SalesFeatures create(Pool pool, PeoplePanel people, Clock clock) {
    SalesTotals totals = new SalesTotals(new SalesRollupRepository(pool));
    Enterprises enterprises = new Enterprises(pool, totals, clock);
    Targets targets = new Targets(pool, totals, clock);
    return new SalesFeatures(new SalesImports(new SalesImportRepository(pool), clock), new SalesLedger(new SalesLedgerRepository(pool)), enterprises, targets,
        new BaseGoals(targets, () -> enterprises.list(true)), new Rankings(pool, targets),
        new Reports(pool, targets, people, clock));
  }

  SalesRoutes salesRoutes() {
    return new SalesRoutes(imports, ledger);
  }

  void register(ApiRoutes api) {
    salesRoutes().register(api);
    new EnterpriseRoutes(enterprises).register(api);
    new TargetRoutes(targets, goals).register(api);
    new ReportRoutes(rankings, reports).register(api);
  }
}
