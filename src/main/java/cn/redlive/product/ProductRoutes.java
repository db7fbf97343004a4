package cn.redlive.product;

import cn.redlive.web.ApiRouter;
import cn.redlive.web.QueryParams;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ObjectAccess;
import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.web.Respond;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** HTTP face of the product library and of product review; operation ids match openapi/redlive.yaml. */
public final class ProductRoutes {

  private final Products products;

  public ProductRoutes(Products products) {
    this.products = products;
  }

  public void register(ApiRoutes api) {
    ObjectAccess visible = (principal, rc) -> products.visibleTo(principal, QueryParams.pathId(rc, "productId"));
    api.handle("searchProducts", this::search);
    api.handle("createProduct", this::create);
    api.handle("getProduct", rc -> Respond.ok(rc, products.get(productId(rc)))).onlyIf(visible);
    api.handle("updateProduct", rc -> Respond.ok(rc,
        products.edit(CurrentPrincipal.of(rc), productId(rc), ApiRouter.jsonBody(rc)))).onlyIf(visible);
    api.handle("delistProduct", rc -> Respond.ok(rc, products.delist(productId(rc), CurrentPrincipal.of(rc).accountId())))
        .onlyIf(visible);
    api.handle("getProductDecisions", rc -> Respond.ok(rc, products.history(productId(rc))
        .map(items -> new JsonObject().put("items", new JsonArray(List.copyOf(items)))))).onlyIf(visible);
    api.handle("listReviewQueue", this::queue);
    api.handle("approveProduct", rc -> Respond.ok(rc, products.approve(productId(rc), CurrentPrincipal.of(rc).accountId())));
    api.handle("rejectProduct", rc -> Respond.ok(rc, products.reject(productId(rc),
        ApiRouter.jsonBody(rc).getString("reason"), CurrentPrincipal.of(rc).accountId())));
    api.handle("bulkApproveProducts", this::bulkApprove);
  }

  private void search(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    String sort = rc.queryParams().get("sort");
    if (sort != null && !ProductQuery.SORTS.contains(sort)) {
      throw ProblemException.invalidField("sort", "must be one of " + String.join(", ", ProductQuery.SORTS));
    }
    Long minCommissionBp = QueryParams.optionalLong(rc, "minCommissionBp");
    ProductQuery query = new ProductQuery(QueryParams.text(rc, "q"), QueryParams.optionalLong(rc, "brandId"),
        QueryParams.text(rc, "category"), QueryParams.text(rc, "origin"), QueryParams.optionalLong(rc, "minPriceFen"),
        QueryParams.optionalLong(rc, "maxPriceFen"), minCommissionBp == null ? null : minCommissionBp.intValue(),
        QueryParams.text(rc, "status"), sort, paging);
    Respond.ok(rc, products.search(CurrentPrincipal.of(rc), query).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void create(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    Respond.json(rc, 201, products.create(CurrentPrincipal.of(rc), body.getLong("brandId"), ProductFields.fromJson(body, null)));
  }

  private void queue(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    Long brandId = QueryParams.optionalLong(rc, "brandId");
    Respond.ok(rc, products.reviewQueue(brandId, paging.size(), paging.offset()).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void bulkApprove(RoutingContext rc) {
    List<Long> ids = ApiRouter.jsonBody(rc).getJsonArray("productIds").stream()
        .map(id -> ((Number) id).longValue()).distinct().toList();
    Respond.ok(rc, products.approveAll(ids, CurrentPrincipal.of(rc).accountId()));
  }

  private static long productId(RoutingContext rc) {
    return QueryParams.pathId(rc, "productId");
  }

}
