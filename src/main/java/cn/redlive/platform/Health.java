package cn.redlive.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * /health/live: the process answers. /health/ready: PostgreSQL and Redis both answer within a second, and the
 * server is not draining for shutdown; a load balancer sends traffic only while this says 200.
 */
public final class Health {

  private static final long CHECK_TIMEOUT_MS = 1_000;

  private final Pool pool;
  private final Redis redis;
  private final AtomicBoolean draining;
  /** What the live feature had to rebuild after Redis lost its data (informational: readiness does not depend on it). */
  private final Supplier<JsonObject> liveState;

  public Health(Pool pool, Redis redis, AtomicBoolean draining) {
    this(pool, redis, draining, () -> null);
  }

  public Health(Pool pool, Redis redis, AtomicBoolean draining, Supplier<JsonObject> liveState) {
    this.pool = pool;
    this.redis = redis;
    this.draining = draining;
    this.liveState = liveState;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(rc -> send(rc, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext rc) {
    Future<String> postgres = check(pool.query("SELECT 1").execute().mapEmpty());
    Future<String> redisCheck = check(redis.ping());
    Future.join(postgres, redisCheck).onComplete(done -> {
      boolean up = "UP".equals(postgres.result()) && "UP".equals(redisCheck.result()) && !draining.get();
      JsonObject body = new JsonObject()
          .put("status", up ? "UP" : "DOWN")
          .put("checks", new JsonObject()
              .put("postgres", postgres.result())
              .put("redis", redisCheck.result())
              .put("server", draining.get() ? "DRAINING" : "UP"));
      JsonObject live = liveState.get();
      if (live != null) body.put("liveState", live);
      send(rc, up ? 200 : 503, body);
    });
  }

  private static Future<String> check(Future<Void> probe) {
    return probe.timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map("UP")
        .otherwise("DOWN");
  }

  private static void send(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
