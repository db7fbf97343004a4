package cn.redlive.live;

import java.time.Clock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Server-sent events: a session's counters about once a second, read from Redis on every tick, so any instance
 * can serve any viewer. A client that does not keep up gets ticks skipped instead of a growing write queue.
 */
final class LivePush {

  static final long TICK_MS = 1_000;

  private final Vertx vertx;
  private final LiveCounters counters;

  private final Clock clock;

  LivePush(Vertx vertx, LiveCounters counters, Clock clock) {
    this.vertx = vertx;
    this.counters = counters;
    this.clock = clock;
  }

  void stream(RoutingContext rc, long sessionId) {
    HttpServerResponse response = rc.response()
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.setWriteQueueMaxSize(64 * 1024);
    response.write("retry: 2000\n\n");
    Runnable tick = () -> {
      if (response.closed() || response.writeQueueFull()) return;
      counters.snapshot(sessionId, clock.millis())
          .onSuccess(snapshot -> {
            if (!response.closed() && !response.writeQueueFull()) {
              response.write("event: counters\ndata: " + snapshot.encode() + "\n\n");
            }
          })
          .onFailure(e -> {
            if (!response.closed()) response.write("event: unavailable\ndata: {}\n\n");
          });
    };
    tick.run();
    long timer = vertx.setPeriodic(TICK_MS, id -> tick.run());
    response.closeHandler(v -> vertx.cancelTimer(timer));
    response.exceptionHandler(e -> vertx.cancelTimer(timer));
  }
}
