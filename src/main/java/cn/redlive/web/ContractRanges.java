package cn.redlive.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a contract in which a number a client sends (a parameter or a request body field) has no declared range.
 * JSON numbers have no size: an unbounded integer field lets 2^64+100 through validation, and the handler's
 * {@code getLong}/{@code getInteger} then keeps its low bits (it was stored as 100). With a minimum and a maximum
 * on every such field the validator answers 400 naming it, and no handler ever sees a value its type cannot hold.
 */
final class ContractRanges {

  private ContractRanges() {
  }

  /** The contract unchanged, or an IllegalStateException listing every unbounded number. */
  static JsonObject requireBounds(JsonObject contract) {
    List<String> unbounded = new ArrayList<>();
    JsonObject paths = contract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      JsonArray shared = item.getJsonArray("parameters", new JsonArray());
      for (String method : item.fieldNames()) {
        if (!(item.getValue(method) instanceof JsonObject operation) || method.equals("parameters")) continue;
        String id = operation.getString("operationId", method + " " + path);
        List<Object> parameters = new ArrayList<>();
        shared.forEach(parameters::add);
        operation.getJsonArray("parameters", new JsonArray()).forEach(parameters::add);
        for (Object p : parameters) {
          JsonObject parameter = resolve(contract, p);
          if (parameter == null) continue;
          walk(contract, parameter.getValue("schema"), id + " " + parameter.getString("name"), unbounded, 0);
        }
        JsonObject body = resolve(contract, operation.getValue("requestBody"));
        if (body == null) continue;
        JsonObject content = body.getJsonObject("content", new JsonObject());
        for (String media : content.fieldNames()) {
          walk(contract, content.getJsonObject(media).getValue("schema"), id + " body", unbounded, 0);
        }
      }
    }
    if (!unbounded.isEmpty()) {
      throw new IllegalStateException("the contract declares numbers without a minimum and maximum: " + unbounded);
    }
    return contract;
  }

  private static void walk(JsonObject contract, Object node, String where, List<String> unbounded, int depth) {
    JsonObject schema = resolve(contract, node);
    if (schema == null || depth > 32) return;
    if (isNumeric(schema.getValue("type")) && !(bounded(schema, "minimum") && bounded(schema, "maximum"))) {
      unbounded.add(where);
    }
    JsonObject properties = schema.getJsonObject("properties");
    if (properties != null) {
      for (String name : properties.fieldNames()) walk(contract, properties.getValue(name), where + "." + name, unbounded, depth + 1);
    }
    walk(contract, schema.getValue("items"), where + "[]", unbounded, depth + 1);
    if (schema.getValue("additionalProperties") instanceof JsonObject extra) walk(contract, extra, where + ".*", unbounded, depth + 1);
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      JsonArray parts = schema.getJsonArray(combinator);
      if (parts != null) parts.forEach(part -> walk(contract, part, where, unbounded, depth + 1));
    }
  }

  private static boolean bounded(JsonObject schema, String bound) {
    String exclusive = "exclusive" + Character.toUpperCase(bound.charAt(0)) + bound.substring(1);
    return schema.getValue(bound) instanceof Number || schema.getValue(exclusive) instanceof Number;
  }

  private static boolean isNumeric(Object type) {
    if (type instanceof String name) return name.equals("integer") || name.equals("number");
    if (type instanceof JsonArray names) return names.contains("integer") || names.contains("number");
    return false;
  }

  /** The object itself, or what its local {@code $ref} points at. */
  private static JsonObject resolve(JsonObject contract, Object node) {
    if (node instanceof java.util.Map<?, ?> map) node = new JsonObject(castMap(map));
    if (!(node instanceof JsonObject object)) return null;
    String ref = object.getString("$ref");
    if (ref == null || !ref.startsWith("#/")) return object;
    Object target = contract;
    for (String step : ref.substring(2).split("/")) {
      if (!(target instanceof JsonObject parent)) return null;
      target = parent.getValue(step);
    }
    return resolve(contract, target);
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> castMap(java.util.Map<?, ?> map) {
    return (java.util.Map<String, Object>) map;
  }
}
