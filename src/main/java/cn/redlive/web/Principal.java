package cn.redlive.web;

import io.vertx.ext.web.RoutingContext;

/** The authenticated caller of a request, taken from a verified token. */
public record Principal(long accountId, String username, String displayName, Role role, int tokenVersion) {

  private static final String KEY = "redlive.principal";

  public boolean is(Role other) {
    return role == other;
  }

  public void attachTo(RoutingContext rc) {
    rc.put(KEY, this);
  }

  public static Principal of(RoutingContext rc) {
    Principal principal = rc.get(KEY);
    if (principal == null) throw new IllegalStateException("route has no authenticated principal");
    return principal;
  }
}
