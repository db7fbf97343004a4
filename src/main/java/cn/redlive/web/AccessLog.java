package cn.redlive.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request with its id, method, path (no query: it may carry personal data), status and duration:
 * at INFO for failures (4xx, 5xx) and slow requests, at DEBUG for the rest, so the default log keeps what an
 * operator looks for without spending a core on formatting tens of thousands of lines a second
 * (REDLIVE_ACCESS_LOG_LEVEL=DEBUG logs every request).
 * The id is part of the message so the "access" logger can write through an asynchronous appender
 * (see logback.xml) without slowing the event loop.
 */
public final class AccessLog implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger("access");
  private static final long SLOW_MS = 1_000;

  @Override
  public void handle(RoutingContext rc) {
    if (log.isInfoEnabled()) {
      long started = System.nanoTime();
      rc.addBodyEndHandler(v -> {
        long millis = (System.nanoTime() - started) / 1_000_000;
        int status = rc.response().getStatusCode();
        if (status >= 400 || millis >= SLOW_MS) {
          log.info("[{}] {} {} {} {}ms", RequestIds.of(rc), rc.request().method(), rc.request().path(), status, millis);
        } else if (log.isDebugEnabled()) {
          log.debug("[{}] {} {} {} {}ms", RequestIds.of(rc), rc.request().method(), rc.request().path(), status, millis);
        }
      });
    }
    rc.next();
  }
}
