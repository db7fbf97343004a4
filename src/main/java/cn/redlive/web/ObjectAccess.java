package cn.redlive.web;

import cn.redlive.core.Principal;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Object-level authorization on top of a route's roles: may this principal touch the object the request names?
 * A refusal answers 404, so that callers cannot probe which objects exist.
 */
@FunctionalInterface
public interface ObjectAccess {
  Future<Boolean> allows(Principal principal, RoutingContext rc);

  /** Managers see everything; everyone else only what {@code ownerCheck} grants. */
  static ObjectAccess managerOr(ObjectAccess ownerCheck) {
    return (principal, rc) -> principal.is(Role.MANAGER) ? Future.succeededFuture(true) : ownerCheck.allows(principal, rc);
  }
}
