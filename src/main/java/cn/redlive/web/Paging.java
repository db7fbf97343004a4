package cn.redlive.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** page (1-based) and size from the query string, and the standard list envelope. */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 200;

  public static Paging from(RoutingContext rc) {
    return new Paging(intParam(rc, "page", 1, 1, Integer.MAX_VALUE), intParam(rc, "size", 20, 1, MAX_SIZE));
  }

  public int offset() {
    return (page - 1) * size;
  }

  public JsonObject envelope(List<? extends JsonView> items, long total) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(item.toJson()));
    return new JsonObject().put("items", array).put("page", page).put("size", size).put("total", total);
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
}
