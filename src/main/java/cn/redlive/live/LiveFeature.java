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

  private final Vertx vertx;
  private final LiveRoutes routes;
  private final Settlement settlement;
  private final LiveStateRestore restore;
  private volatile boolean settling;
  private volatile long tickTimer = -1;

  public LiveFeature(Vertx vertx, Pool pool, Redis redis, MeterRegistry registry, SessionRules rules,
                     PrincipalCheck principals, long streamBytes, long settleEveryMs, int settleBatch, Clock clock,
                     LiveOrders ledger) {
    this.vertx = vertx;
    SessionRepository repository = new SessionRepository(pool);
    SessionCache cache = new SessionCache(repository);
    LiveCounters counters = new LiveCounters(redis);
    LiveStateRestore restore = new LiveStateRestore(repository, ledger, counters);
    this.restore = restore;
    this.settlement = new Settlement(repository, ledger, new SettlementLeaseRepository(pool), counters, restore, clock, settleEveryMs,
        settleBatch, registry);
    SessionService sessions = new SessionService(repository, cache, counters, settlement, rules);
    IngestService ingest = new IngestService(ledger, cache, counters, new LiveMeters(registry), restore, clock);
    SessionViews views = new SessionViews(sessions, repository, ledger, counters, clock);
    this.routes = new LiveRoutes(sessions, ingest, views, new LivePush(vertx, counters, cache, principals, clock, streamBytes),
        new Leaderboard(counters, repository, rules), clock);
  }

  /**
   * For /health/ready: whether this instance had to rebuild live state Redis lost, and what was lost; and the id
   * this instance claims settlement leases with (live_session_settlement.claimed_by).
   */
  public io.vertx.core.json.JsonObject liveStateReport() {
    return restore.report().put("settlementInstance", settlement.instance().toString());
  }

  @Override
  public void register(ApiRoutes api) {
    routes.register(api);
  }

  /**
   * Every instance ticks, each time after a random 0.8 to 1.2 intervals: with fixed periods the instance whose tick
   * happens to follow the end of the leases would claim every session every time; drifting ticks take turns. Each
   * tick settles only the sessions this instance claimed (see Settlement).
   */
  public void startSettlement() {
    settling = true;
    scheduleTick();
  }

  private void scheduleTick() {
    double intervals = java.util.concurrent.ThreadLocalRandom.current()
        .nextDouble(Settlement.SHORTEST_TICK, Settlement.LONGEST_TICK);
    tickTimer = vertx.setTimer(Math.max(1, (long) (settlement.everyMs() * intervals)), id -> {
      if (!settling) return;
      settlement.tick();
      scheduleTick();
    });
  }

  public void stopSettlement() {
    settling = false;
    vertx.cancelTimer(tickTimer);
  }
}
