package cn.redlive.target;

import cn.redlive.web.ApiRouter;
import cn.redlive.sales.PeriodParams;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.sales.Period;
import cn.redlive.web.ApiRoutes;
import cn.redlive.core.Principal;
import cn.redlive.web.QueryParams;
import cn.redlive.web.Respond;

/** HTTP face of targets and the base's goals (managers only, by the contract). */
public final class TargetRoutes {

  private final Targets targets;
  private final BaseGoals goals;

  public TargetRoutes(Targets targets, BaseGoals goals) {
    this.targets = targets;
    this.goals = goals;
  }

  public void register(ApiRoutes api) {
    api.handle("listTargets", rc -> Respond.ok(rc,
        targets.progressJson(PeriodParams.monthFromQuery(rc, "month", targets.clock()), QueryParams.text(rc, "scope"))));
    api.handle("setTarget", rc -> Respond.ok(rc, targets.set(ApiRouter.jsonBody(rc), CurrentPrincipal.of(rc).accountId())));
    api.handle("getBaseGoals", rc -> Respond.ok(rc, goals.progress(PeriodParams.monthFromQuery(rc, "month", targets.clock()))));
    api.handle("listBehindTarget", rc -> Respond.ok(rc, targets.behind(PeriodParams.monthFromQuery(rc, "month", targets.clock()))));
  }
}
