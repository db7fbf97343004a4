package cn.redlive.web;

import cn.redlive.core.JsonView;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Finishing a handler: a future's value as JSON with a status, or its failure handed to {@link ProblemResponder}. */
public final class Respond {

  private Respond() {
  }

  public static void json(RoutingContext rc, int status, Future<?> result) {
    result.onSuccess(value -> send(rc, status, value)).onFailure(rc::fail);
  }

  public static void ok(RoutingContext rc, Future<?> result) {
    json(rc, 200, result);
  }

  public static void noContent(RoutingContext rc, Future<?> result) {
    result.onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(rc::fail);
  }

  public static void send(RoutingContext rc, int status, Object value) {
    if (rc.response().ended()) return;
    // a Buffer is JSON encoded once and kept (cached reports)
    Buffer body = value instanceof Buffer encoded ? encoded
        : value instanceof JsonObject || value instanceof JsonArray ? StreamingJson.encode(value)
        : value instanceof JsonView v ? StreamingJson.encode(v.toJson())
        : Buffer.buffer(String.valueOf(value));
    rc.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
