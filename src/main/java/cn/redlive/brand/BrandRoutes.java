package cn.redlive.brand;

import cn.redlive.web.ApiRouter;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ObjectAccess;
import cn.redlive.web.QueryParams;
import cn.redlive.core.Principal;
import cn.redlive.web.Respond;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** HTTP face of the brand library; operation ids match openapi/redlive.yaml. */
public final class BrandRoutes {

  private final Brands brands;

  public BrandRoutes(Brands brands) {
    this.brands = brands;
  }

  public void register(ApiRoutes api) {
    ObjectAccess ownBrand = ObjectAccess.managerOr(this::isOwnBrandOrStreamer);
    api.handle("listBrands", this::list);
    api.handle("createBrand", rc -> Respond.json(rc, 201, brands.create(BrandFields.from(ApiRouter.jsonBody(rc)))));
    api.handle("getBrand", rc -> Respond.ok(rc, brands.get(QueryParams.pathId(rc, "brandId")))).onlyIf(ownBrand);
    api.handle("updateBrand", rc -> Respond.ok(rc,
        brands.update(QueryParams.pathId(rc, "brandId"), BrandFields.from(ApiRouter.jsonBody(rc))))).onlyIf(ownBrand);
    api.handle("linkBrandMember", rc -> Respond.noContent(rc,
        brands.link(QueryParams.pathId(rc, "accountId"), QueryParams.pathId(rc, "brandId"))));
  }

  /** Streamers may read any brand (they choose products); a partner only its own. */
  private Future<Boolean> isOwnBrandOrStreamer(Principal principal, RoutingContext rc) {
    if (principal.is(cn.redlive.core.Role.STREAMER)) return Future.succeededFuture(true);
    return brands.brandOf(principal.accountId()).map(brand -> brand.filter(id -> id == QueryParams.pathId(rc, "brandId")).isPresent());
  }

  private void list(RoutingContext rc) {
    Respond.ok(rc, brands.list(CurrentPrincipal.of(rc), QueryParams.text(rc, "q")).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(b -> items.add(b.toJson()));
      return new JsonObject().put("items", items);
    }));
  }
}
