package cn.redlive.web;

import cn.redlive.core.Principal;
import io.vertx.ext.web.RoutingContext;

/** Carries the authenticated principal from {@link Authenticate} to the route that serves the request. */
public final class CurrentPrincipal {

  private static final String KEY = "redlive.principal";

  private CurrentPrincipal() {
  }

  public static void attach(RoutingContext rc, Principal principal) {
    rc.put(KEY, principal);
  }

  public static Principal of(RoutingContext rc) {
    Principal principal = rc.get(KEY);
    if (principal == null) throw new IllegalStateException("route has no authenticated principal");
    return principal;
  }
}
