package cn.redlive.web;

import cn.redlive.core.Paging;
import cn.redlive.core.ProblemException;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The one way routes read path ids and query values (typed, a field error when they do not parse). */
public final class QueryParams {

  private QueryParams() {
  }

  public static long pathId(RoutingContext rc, String name) {
    try {
      return Long.parseLong(rc.pathParam(name));
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be a whole number");
    }
  }

  /** page (1-based) and size from the query string. */
  public static Paging paging(RoutingContext rc) {
    return new Paging(intParam(rc, "page", 1, 1, Paging.MAX_PAGE), intParam(rc, "size", 20, 1, Paging.MAX_SIZE));
  }

  private static int intParam(RoutingContext rc, String name, int fallback, int min, int max) {
    String raw = rc.request().getParam(name);
    if (raw == null || raw.isBlank()) return fallback;
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < min || value > max) throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be a whole number");
    }
  }

  public static Long optionalLong(RoutingContext rc, String name) {
    String raw = text(rc, name);
    if (raw == null) return null;
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be a whole number");
    }
  }

  public static LocalDate optionalDate(RoutingContext rc, String name) {
    String raw = text(rc, name);
    if (raw == null) return null;
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(name, "must be a date like 2026-05-01");
    }
  }

  /** The trimmed parameter, or null when absent or blank. */
  public static String text(RoutingContext rc, String name) {
    String raw = rc.queryParams().get(name);
    return raw == null || raw.isBlank() ? null : raw.trim();
  }
}
