package cn.redlive.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A record that knows its public JSON shape (the one the OpenAPI contract documents). */
public interface JsonView {
  JsonObject toJson();

  /** {"items": [...]} for lists that are short enough to need no paging (histories). */
  static JsonObject itemsOf(List<? extends JsonView> list) {
    JsonArray items = new JsonArray();
    list.forEach(item -> items.add(item.toJson()));
    return new JsonObject().put("items", items);
  }
}
