package cn.redlive.target;

import cn.redlive.enterprise.Enterprises;
import cn.redlive.sales.SalesTotals;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Monthly targets, progress against them, and the base's own goals. */
public final class TargetFeature implements Feature {

  private final Targets targets;
  private final BaseGoals goals;

  public TargetFeature(Pool pool, SalesTotals totals, Enterprises enterprises, Clock clock) {
    this.targets = new Targets(new TargetRepository(pool), totals, clock);
    this.goals = new BaseGoals(targets, () -> enterprises.list(true));
  }

  public Targets targets() {
    return targets;
  }

  @Override
  public void register(ApiRoutes api) {
    new TargetRoutes(targets, goals).register(api);
  }
}
