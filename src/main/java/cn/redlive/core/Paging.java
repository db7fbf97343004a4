package cn.redlive.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A page (1-based) and its size, and the standard list envelope. */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 200;
  /** As the contract declares it: the offset of the last page, 20 million rows, is still an int. */
  public static final int MAX_PAGE = 100_000;

  public int offset() {
    return (page - 1) * size;
  }

  public JsonObject envelope(List<? extends JsonView> items, long total) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(item.toJson()));
    return new JsonObject().put("items", array).put("page", page).put("size", size).put("total", total);
  }
}
