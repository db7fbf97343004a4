package cn.redlive.report;

import cn.redlive.target.Targets;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Rankings, team comparisons and performance reviews: the read models that span features. */
public final class ReportFeature implements Feature {

  private final Rankings rankings;
  private final Reports reports;
  private final OverviewFigures overview;

  public ReportFeature(Pool pool, Targets targets, PeoplePanel people, Clock clock) {
    ReportRepository repository = new ReportRepository(pool);
    ReportVersionRepository versions = new ReportVersionRepository(pool);
    this.rankings = new Rankings(repository, versions, targets);
    this.reports = new Reports(repository, versions, targets, people, clock);
    this.overview = new OverviewFigures(repository, rankings, clock);
  }

  @Override
  public void register(ApiRoutes api) {
    new ReportRoutes(rankings, reports, overview).register(api);
  }
}
