package cn.redlive.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP server meters under Vert.x's own names (requests, response time and bytes by route template, method and
 * status; active requests and connections), kept by the router instead of Vert.x's metrics SPI. Vert.x looks up
 * five meters in the registry on every request, building tag lists each time, which cost about a sixth of a
 * trivial request; here each (route, method, status) finds its meters in one map lookup. Labels stay bounded:
 * routes are the contract's path templates or the root router's own paths, methods the standard ones.
 */
public final class HttpMetrics implements Handler<RoutingContext> {

  private static final String ROUTE_KEY = "redlive.metricsRoute";

  private static final java.util.Set<HttpMethod> STANDARD_METHODS = java.util.Set.copyOf(HttpMethod.values());

  private record Key(String route, String method, int status) {
  }

  private record Meters(Counter requests, Timer responseTime, DistributionSummary responseBytes) {
  }

  private final MeterRegistry registry;
  private final AtomicLong activeRequests = new AtomicLong();
  private final AtomicLong activeConnections = new AtomicLong();
  private final ConcurrentHashMap<Key, Meters> meters = new ConcurrentHashMap<>();

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("vertx.http.server.active.requests", activeRequests);
    registry.gauge("vertx.http.server.active.connections", activeConnections);
  }

  /** Names the route template a request matched, for its metrics label; the API router calls it per operation. */
  public static Handler<RoutingContext> routeLabel(String template) {
    return rc -> {
      rc.put(ROUTE_KEY, template);
      rc.next();
    };
  }

  /** Counts open connections; pass to {@code HttpServer.connectionHandler}. */
  public Handler<HttpConnection> connections() {
    return connection -> {
      activeConnections.incrementAndGet();
      connection.closeHandler(v -> activeConnections.decrementAndGet());
    };
  }

  @Override
  public void handle(RoutingContext rc) {
    long started = System.nanoTime();
    activeRequests.incrementAndGet();
    rc.addEndHandler(ended -> {
      activeRequests.decrementAndGet();
      if (ended.failed()) return; // the connection closed before the response was complete
      Meters m = meters.computeIfAbsent(new Key(route(rc), method(rc), rc.response().getStatusCode()), this::register);
      m.requests().increment();
      m.responseTime().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      m.responseBytes().record(rc.response().bytesWritten());
    });
    rc.next();
  }

  private static String route(RoutingContext rc) {
    String labelled = rc.get(ROUTE_KEY);
    if (labelled != null) return labelled;
    Route route = rc.currentRoute();
    String path = route == null ? null : route.getPath();
    return path != null ? path : rc.response().getStatusCode() == 404 ? "unmatched" : "static";
  }

  private static String method(RoutingContext rc) {
    HttpMethod method = rc.request().method();
    return STANDARD_METHODS.contains(method) ? method.name() : "OTHER";
  }

  private Meters register(Key key) {
    String code = Integer.toString(key.status());
    String method = key.method();
    return new Meters(
        Counter.builder("vertx.http.server.requests").description("Number of processed requests")
            .tags("route", key.route(), "method", method, "code", code).register(registry),
        Timer.builder("vertx.http.server.response.time").description("Request processing time")
            .tags("route", key.route(), "method", method, "code", code).register(registry),
        DistributionSummary.builder("vertx.http.server.response.bytes").description("Size of responses in bytes")
            .baseUnit("bytes").tags("route", key.route(), "method", method, "code", code).register(registry));
  }
}
