package cn.redlive.selection;

import cn.redlive.web.ApiRouter;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ObjectAccess;
import cn.redlive.web.QueryParams;
import cn.redlive.core.Principal;
import cn.redlive.web.Respond;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;

/** HTTP face of selection (选品); operation ids match openapi/redlive.yaml. */
public final class SelectionRoutes {

  private final SelectionLists lists;

  public SelectionRoutes(SelectionLists lists) {
    this.lists = lists;
  }

  public void register(ApiRoutes api) {
    ObjectAccess readable = ObjectAccess.managerOr((p, rc) -> lists.isOwner(p, listId(rc)));
    ObjectAccess own = (p, rc) -> lists.isOwner(p, listId(rc));
    api.handle("createSelectionList", this::create);
    api.handle("listSelectionLists", this::list);
    api.handle("getSelectionList", rc -> Respond.ok(rc, lists.get(listId(rc)))).onlyIf(readable);
    api.handle("addSelectionItem", rc -> {
      JsonObject body = rc.body() == null || rc.body().isEmpty() ? new JsonObject() : ApiRouter.jsonBody(rc);
      Respond.ok(rc, lists.add(listId(rc), QueryParams.pathId(rc, "productId"), body.getString("note")));
    }).onlyIf(own);
    api.handle("removeSelectionItem", rc -> Respond.ok(rc, lists.remove(listId(rc), QueryParams.pathId(rc, "productId")))).onlyIf(own);
    api.handle("listMostSelectedProducts", rc -> {
      String limit = rc.queryParams().get("limit");
      Respond.ok(rc, lists.mostSelected(CurrentPrincipal.of(rc), limit == null ? 20 : Integer.parseInt(limit),
              QueryParams.optionalDate(rc, "from"), QueryParams.optionalDate(rc, "to"))
          .map(items -> new JsonObject().put("items", items)));
    });
  }

  private void create(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    Respond.json(rc, 201, lists.create(CurrentPrincipal.of(rc).accountId(), body.getString("title"),
        LocalDate.parse(body.getString("plannedDate"))));
  }

  private void list(RoutingContext rc) {
    Respond.ok(rc, lists.list(CurrentPrincipal.of(rc), QueryParams.optionalLong(rc, "streamerId"),
        "true".equals(rc.queryParams().get("upcoming"))).map(items -> new JsonObject().put("items", items)));
  }

  private static long listId(RoutingContext rc) {
    return QueryParams.pathId(rc, "listId");
  }
}
