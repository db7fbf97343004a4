package cn.redlive.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * An RFC 9457 problem: {@code type} is stable and machine-readable, {@code title} names the kind of problem,
 * {@code detail} explains this occurrence, {@code errors} lists field-level problems.
 */
public record Problem(String slug, String title, int status, String detail, List<FieldError> errors) {

  public static final String TYPE_BASE = "https://redlive.cn/problems/";
  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {
  }

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public String type() {
    return TYPE_BASE + slug;
  }

  public JsonObject toJson(String instance, String requestId) {
    JsonObject json = new JsonObject()
        .put("type", type())
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
    if (instance != null) json.put("instance", instance);
    if (requestId != null) json.put("requestId", requestId);
    if (!errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("message", e.message())));
      json.put("errors", list);
    }
    return json;
  }
}
