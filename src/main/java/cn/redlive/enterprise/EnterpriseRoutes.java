package cn.redlive.enterprise;

import cn.redlive.web.ApiRouter;
import cn.redlive.sales.PeriodParams;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.QueryParams;
import cn.redlive.web.Respond;

/** HTTP face of enterprises (managers only, by the contract). */
public final class EnterpriseRoutes {

  private final Enterprises enterprises;

  public EnterpriseRoutes(Enterprises enterprises) {
    this.enterprises = enterprises;
  }

  public void register(ApiRoutes api) {
    api.handle("listEnterprises", rc -> {
      String resident = QueryParams.text(rc, "resident");
      Respond.ok(rc, enterprises.listJson(resident == null ? null : Boolean.valueOf(resident)));
    });
    api.handle("createEnterprise", rc -> Respond.json(rc, 201, enterprises.create(ApiRouter.jsonBody(rc))));
    api.handle("getEnterprise", rc -> Respond.ok(rc, enterprises.get(QueryParams.pathId(rc, "enterpriseId"))));
    api.handle("updateEnterprise", rc -> Respond.ok(rc,
        enterprises.update(QueryParams.pathId(rc, "enterpriseId"), ApiRouter.jsonBody(rc))));
    api.handle("getEnterpriseGrowth", rc -> Respond.ok(rc,
        enterprises.growth(PeriodParams.monthFromQuery(rc, "month", enterprises.clock()))));
    api.handle("linkEnterpriseBrand", rc -> Respond.noContent(rc,
        enterprises.linkBrand(QueryParams.pathId(rc, "enterpriseId"), QueryParams.pathId(rc, "brandId"))));
  }
}
