package cn.redlive.report;

import cn.redlive.platform.BaseDays;
import cn.redlive.sales.PeriodParams;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.sales.Period;
import cn.redlive.web.ApiRoutes;
import cn.redlive.core.Principal;
import cn.redlive.web.QueryParams;
import cn.redlive.web.Respond;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;

/**
 * HTTP face of performance review. Managers-only routes are so by the contract's x-roles; the streamer's and the
 * brand partner's views take their subject from the token, never from a parameter, so nobody can ask for another's.
 */
public final class ReportRoutes {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Rankings rankings;
  private final Reports reports;
  private final OverviewFigures overview;

  ReportRoutes(Rankings rankings, Reports reports, OverviewFigures overview) {
    this.rankings = rankings;
    this.reports = reports;
    this.overview = overview;
  }

  public void register(ApiRoutes api) {
    api.handle("getSalesRanking", rc -> Respond.ok(rc, rankings.rankAsJson(request(rc))));
    api.handle("exportSalesRanking", this::export);
    api.handle("compareTeams", rc -> Respond.ok(rc, reports.compareTeams(rankings, PeriodParams.fromQuery(rc, reports.clock()))));
    api.handle("getStreamerReport", rc -> Respond.ok(rc, reports.streamerPage(QueryParams.pathId(rc, "streamerId"),
        intParam(rc, "months", 12))));
    api.handle("getGmvByHour", rc -> Respond.ok(rc, overview.gmvByHour()));
    api.handle("listMovers", rc -> Respond.ok(rc, overview.movers()));
    api.handle("getMySales", rc -> Respond.ok(rc, reports.mySales(CurrentPrincipal.of(rc).accountId())));
    api.handle("getMyBrandSales", rc -> Respond.ok(rc,
        reports.brandSales(CurrentPrincipal.of(rc).accountId(), PeriodParams.fromQuery(rc, reports.clock()))));
  }

  private Rankings.Request request(RoutingContext rc) {
    String of = QueryParams.text(rc, "of");
    String by = QueryParams.text(rc, "by");
    return new Rankings.Request(PeriodParams.fromQuery(rc, reports.clock()), of == null ? "streamer" : of, by == null ? "gmv" : by,
        "same_period_last_year".equals(QueryParams.text(rc, "growthBasis")), intParam(rc, "limit", 100),
        BaseDays.today(reports.clock()));
  }

  private void export(RoutingContext rc) {
    boolean xlsx = "xlsx".equals(QueryParams.text(rc, "format"));
    Rankings.Request request = request(rc);
    String name = "ranking-" + request.of() + "-" + request.period().from() + "-" + request.period().to() + (xlsx ? ".xlsx" : ".csv");
    rankings.rank(request)
        .compose(ranked -> Vertx.currentContext().executeBlocking(() -> xlsx ? Buffer.buffer(RankingExport.xlsx(ranked))
            : Buffer.buffer(RankingExport.csv(ranked).getBytes(StandardCharsets.UTF_8))))
        .onSuccess(file -> rc.response()
            .putHeader("Content-Type", xlsx ? XLSX : "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
            .putHeader("Cache-Control", "no-store")
            .end(file))
        .onFailure(rc::fail);
  }

  private static int intParam(RoutingContext rc, String name, int fallback) {
    Long value = QueryParams.optionalLong(rc, name);
    return value == null ? fallback : value.intValue();
  }
}
