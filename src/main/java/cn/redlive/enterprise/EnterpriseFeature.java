package cn.redlive.enterprise;

import cn.redlive.sales.SalesTotals;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Resident enterprises, their incubation terms and sales growth. */
public final class EnterpriseFeature implements Feature {

  private final Enterprises enterprises;

  public EnterpriseFeature(Pool pool, SalesTotals totals, Clock clock) {
    this.enterprises = new Enterprises(new EnterpriseRepository(pool), totals, clock);
  }

  public Enterprises enterprises() {
    return enterprises;
  }

  @Override
  public void register(ApiRoutes api) {
    new EnterpriseRoutes(enterprises).register(api);
  }
}
