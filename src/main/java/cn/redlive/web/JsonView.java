package cn.redlive.web;

import io.vertx.core.json.JsonObject;

/** A record that knows its public JSON shape (the one the OpenAPI contract documents). */
public interface JsonView {
  JsonObject toJson();
}
