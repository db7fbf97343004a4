package cn.redlive.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request with its id, method, path (no query: it may carry personal data), status and duration.
 * The id is part of the message so the "access" logger can write through an asynchronous appender
 * (see logback.xml) without slowing the event loop.
 */
public final class AccessLog implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger("access");

  @Override
  public void handle(RoutingContext rc) {
    if (log.isInfoEnabled()) {
      long started = System.nanoTime();
      rc.addBodyEndHandler(v -> log.info("[{}] {} {} {} {}ms", RequestIds.of(rc), rc.request().method(),
          rc.request().path(), rc.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000));
    }
    rc.next();
  }
}
