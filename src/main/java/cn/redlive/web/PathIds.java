package cn.redlive.web;

import cn.redlive.core.ProblemException;
import io.vertx.ext.web.RoutingContext;

/** Numeric ids from the request path, refused with a field error when they are not whole numbers. */
public final class PathIds {

  private PathIds() {
  }

  public static long of(RoutingContext rc, String name) {
    try {
      return Long.parseLong(rc.pathParam(name));
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be a whole number");
    }
  }
}
