package cn.redlive.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.http.HttpResponse;

/** A response as tests look at it. */
public record Reply(String request, HttpResponse<String> response) {

  public int status() {
    return response.statusCode();
  }

  public String body() {
    return response.body();
  }

  public JsonObject json() {
    return new JsonObject(response.body());
  }

  public JsonArray jsonArray() {
    return new JsonArray(response.body());
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("Content-Type");
  }

  /** The problem type's last segment, e.g. "validation" for https://redlive.cn/problems/validation. */
  public String problemSlug() {
    String type = json().getString("type", "");
    return type.substring(type.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return request + " -> " + status() + " " + response.body();
  }
}
