package cn.redlive.target;

import cn.redlive.enterprise.Enterprise;
import cn.redlive.sales.Growth;
import cn.redlive.sales.Period;
import cn.redlive.sales.SalesFigures;
import cn.redlive.sales.SalesTotals;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The base's standing goals: at least 1000 approved local products, 100 streamers in the talent pool, 50 brands,
 * and every resident enterprise's sales growing more than 20% (the month so far against the same days last year).
 */
public final class BaseGoals {

  static final int PRODUCTS = 1000;
  static final int TALENT_POOL = 100;
  static final int BRANDS = 50;
  static final int ENTERPRISE_GROWTH_BP = 2000;

  private final Targets targets;
  private final Supplier<Future<List<Enterprise>>> residentEnterprises;

  public BaseGoals(Targets targets, Supplier<Future<List<Enterprise>>> residentEnterprises) {
    this.targets = targets;
    this.residentEnterprises = residentEnterprises;
  }

  public Future<JsonObject> progress(YearMonth month) {
    Period now = Period.monthSoFar(month, targets.clock());
    SalesTotals totals = targets.totals();
    var counts = targets.goalCounts();
    var enterprises = residentEnterprises.get();
    var current = totals.byScope(SalesTotals.Scope.ENTERPRISE, now);
    var lastYear = totals.byScope(SalesTotals.Scope.ENTERPRISE, now.yearEarlier());
    return Future.all(counts, enterprises, current, lastYear).map(done -> {
      JsonArray perEnterprise = new JsonArray();
      int growing = 0;
      for (Enterprise e : enterprises.result()) {
        long netNow = net(current.result(), e.id());
        Growth growth = Growth.of(netNow, net(lastYear.result(), e.id()));
        boolean met = growth.above(ENTERPRISE_GROWTH_BP);
        if (met) growing++;
        perEnterprise.add(new JsonObject().put("id", e.id()).put("name", e.name()).put("netFen", netNow)
            .put("growth", growth.toJson()).put("met", met));
      }
      TargetRepository.GoalCounts c = counts.result();
      int residents = enterprises.result().size();
      return new JsonObject().put("month", month.toString()).put("goals", new JsonArray()
              .add(goal("approved_products", "本地优质产品 ≥1000 个（已审核）", PRODUCTS, c.approvedProducts()))
              .add(goal("talent_pool", "本地主播人才库 ≥100 人", TALENT_POOL, c.talentPool()))
              .add(goal("brands", "品牌库 ≥50 个", BRANDS, c.brands()))
              .add(new JsonObject().put("key", "enterprise_growth").put("title", "入驻企业直播销售额增长 >20%")
                  .put("target", residents).put("actual", growing).put("met", residents > 0 && growing == residents)))
          .put("enterprises", perEnterprise);
    });
  }

  private static JsonObject goal(String key, String title, long target, long actual) {
    return new JsonObject().put("key", key).put("title", title).put("target", target).put("actual", actual)
        .put("met", actual >= target);
  }

  private static long net(Map<Long, SalesFigures> figures, long id) {
    return figures.getOrDefault(id, SalesFigures.NONE).netFen();
  }
}
