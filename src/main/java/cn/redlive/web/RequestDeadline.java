package cn.redlive.web;

import cn.redlive.core.ProblemException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers 503 for an API request that has no response after the configured time: a paused or hung PostgreSQL
 * cannot hold a client forever. Streams (server-sent events, exports) have written their head by then and are
 * left alone; a handler finishing later finds the response ended and writes nothing.
 */
public final class RequestDeadline implements Handler<RoutingContext> {

  private final long timeoutMs;

  public RequestDeadline(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void handle(RoutingContext rc) {
    if (timeoutMs > 0) {
      long timer = rc.vertx().setTimer(timeoutMs, id -> {
        if (!rc.response().headWritten()) {
          rc.fail(ProblemException.unavailable("The request took longer than " + timeoutMs + " ms; try again shortly."));
        }
      });
      rc.addEndHandler(done -> rc.vertx().cancelTimer(timer));
    }
    rc.next();
  }
}
