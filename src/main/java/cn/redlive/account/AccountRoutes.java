package cn.redlive.account;

import cn.redlive.web.ApiRouter;
import cn.redlive.web.QueryParams;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ObjectAccess;
import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.web.Respond;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** HTTP face of the account feature; operation ids match openapi/redlive.yaml. */
public final class AccountRoutes {

  private final AccountService accounts;

  public AccountRoutes(AccountService accounts) {
    this.accounts = accounts;
  }

  public void register(ApiRoutes api) {
    api.handle("login", this::login);
    api.handle("getMe", this::me);
    api.handle("logout", rc -> Respond.noContent(rc, accounts.logout(CurrentPrincipal.of(rc))));
    api.handle("changeMyPassword", this::changeMyPassword);
    api.handle("listAccounts", this::list);
    api.handle("countAccounts", rc -> Respond.ok(rc, accounts.countByRoleAndStatus().map(c -> new JsonObject().put("counts", c))));
    api.handle("createAccount", this::create);
    api.handle("getAccount", this::get).onlyIf(ObjectAccess.managerOr(AccountRoutes::isSelf));
    api.handle("disableAccount", rc -> setEnabled(rc, false));
    api.handle("enableAccount", rc -> setEnabled(rc, true));
    api.handle("resetAccountPassword", this::resetPassword);
  }

  private static Future<Boolean> isSelf(Principal principal, RoutingContext rc) {
    return Future.succeededFuture(QueryParams.pathId(rc, "accountId") == principal.accountId());
  }

  private void login(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    Respond.ok(rc, accounts.login(body.getString("username"), body.getString("password"),
        rc.request().remoteAddress().hostAddress()).map(AccountService.Session::toJson));
  }

  private void me(RoutingContext rc) {
    Principal p = CurrentPrincipal.of(rc);
    Respond.send(rc, 200, new JsonObject()
        .put("id", p.accountId())
        .put("username", p.username())
        .put("displayName", p.displayName())
        .put("role", p.role().code()));
  }

  private void changeMyPassword(RoutingContext rc) {
    Principal p = CurrentPrincipal.of(rc);
    JsonObject body = ApiRouter.jsonBody(rc);
    Respond.ok(rc, accounts.changePassword(p.accountId(), p.username(), body.getString("currentPassword"),
        body.getString("newPassword")).map(AccountService.Session::toJson));
  }

  private void list(RoutingContext rc) {
    var filter = new AccountRepository.Filter(rc.queryParams().get("role"), rc.queryParams().get("status"),
        blankToNull(rc.queryParams().get("q")));
    Paging paging = QueryParams.paging(rc);
    Respond.ok(rc, accounts.list(filter, paging).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void create(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    NewAccount request = new NewAccount(body.getString("username"), body.getString("displayName"),
        AccountService.roleOf(body.getString("role")));
    Respond.json(rc, 201, accounts.create(request, body.getString("password"), CurrentPrincipal.of(rc).accountId()));
  }

  private void get(RoutingContext rc) {
    Respond.ok(rc, accounts.get(QueryParams.pathId(rc, "accountId")));
  }

  private void setEnabled(RoutingContext rc, boolean enabled) {
    Respond.ok(rc, accounts.setEnabled(QueryParams.pathId(rc, "accountId"), enabled, CurrentPrincipal.of(rc).accountId()));
  }

  private void resetPassword(RoutingContext rc) {
    Respond.ok(rc, accounts.resetPassword(QueryParams.pathId(rc, "accountId"), CurrentPrincipal.of(rc).accountId()));
  }


  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
