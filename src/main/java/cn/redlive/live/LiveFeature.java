package cn.redlive.live;

import java.time.Clock;
import cn.redlive.core.PrincipalCheck;
import cn.redlive.platform.Redis;
import cn.redlive.sales.LiveOrders;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** Assembles the live feature and runs its periodic settlement. */
public final class LiveFeature implements Feature {

  static final long FLUSH_EVERY_MS = 2_000;

  private final Vertx vertx;
  private final LiveRoutes routes;
  private final Settlement settlement;
  private final LiveStateRestore restore;
  private long flushTimer = -1;

  public LiveFeature(Vertx vertx, Pool pool, Redis redis, MeterRegistry registry, SessionRules rules,
                     PrincipalCheck principals, long streamBytes, Clock clock, LiveOrders ledger) {
    this.vertx = vertx;
    SessionRepository repository = new SessionRepository(pool);
    SessionCache cache = new SessionCache(repository);
    LiveCounters counters = new LiveCounters(redis);
    LiveStateRestore restore = new LiveStateRestore(repository, ledger, counters);
    this.restore = restore;
    this.settlement = new Settlement(repository, ledger, counters, restore, clock);
    SessionService sessions = new SessionService(repository, cache, counters, settlement, rules);
    IngestService ingest = new IngestService(ledger, cache, counters, new LiveMeters(registry), restore, clock);
    SessionViews views = new SessionViews(sessions, repository, ledger, counters, clock);
    this.routes = new LiveRoutes(sessions, ingest, views, new LivePush(vertx, counters, cache, principals, clock, streamBytes),
        new Leaderboard(counters, repository, rules), clock);
  }

  /** For /health/ready: whether this instance had to rebuild live state Redis lost, and what was lost. */
  public io.vertx.core.json.JsonObject liveStateReport() {
    return restore.report();
  }

  @Override
  public void register(ApiRoutes api) {
    routes.register(api);
  }

  /** Every instance flushes; the writes are idempotent, so several instances agree. */
  public void startSettlement() {
    flushTimer = vertx.setPeriodic(FLUSH_EVERY_MS, id -> settlement.flushLive());
  }

  public void stopSettlement() {
    if (flushTimer >= 0) vertx.cancelTimer(flushTimer);
  }
}
