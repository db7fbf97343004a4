package cn.redlive.live;

import cn.redlive.sales.LiveOrders;
import java.time.Clock;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves figures from Redis to PostgreSQL: every few seconds for live sessions (also sampling concurrent viewers),
 * and once, final, when a session ends. Every write is an absolute upsert, and final rows are never overwritten,
 * so running it twice, or on two instances at once, changes nothing. Orders, buyers and GMV of the final figures
 * come from the sales ledger, the record of truth, and unique viewers from the exact set (live flushes show the
 * HyperLogLog estimate).
 */
final class Settlement {

  private static final Logger log = LoggerFactory.getLogger(Settlement.class);
  static final long KEEP_KEYS_AFTER_SETTLEMENT_SECONDS = 3600;

  private final SessionRepository repository;
  private final LiveOrders ledger;
  private final LiveCounters counters;
  private final LiveStateRestore restore;

  private final Clock clock;

  Settlement(SessionRepository repository, LiveOrders ledger, LiveCounters counters, LiveStateRestore restore, Clock clock) {
    this.clock = clock;
    this.repository = repository;
    this.ledger = ledger;
    this.counters = counters;
    this.restore = restore;
  }

  /**
   * Flushes live sessions (after rebuilding a state Redis lost, so a flush never writes its zeros over the figures
   * PostgreSQL has) and settles ended sessions whose settlement failed, once Redis answers again.
   */
  Future<Void> flushLive() {
    Future<Void> unsettled = repository.unsettledSessionIds().compose(ids ->
        Future.join(ids.stream().map(this::settleFinal).toList()).mapEmpty());
    Future<Void> live = repository.liveSessionIds().compose(ids -> {
      List<Future<Void>> flushes = new ArrayList<>();
      long now = clock.millis();
      for (long id : ids) {
        flushes.add(restore.ensure(id, java.time.Instant.ofEpochMilli(now))
            .compose(v -> counters.sampleViewers(id, now))
            .compose(v -> counters.figures(id))
            .compose(figures -> repository.upsertResults(figures, false)));
      }
      return Future.join(flushes).mapEmpty();
    });
    return Future.join(live, unsettled).onFailure(e -> log.warn("live flush failed: {}", e.toString())).mapEmpty();
  }

  /** Safe to repeat until it succeeds: a settlement cut short by an outage is finished by the next flush. */
  Future<Void> settleFinal(long sessionId) {
    long now = clock.millis();
    return restore.ensure(sessionId, java.time.Instant.ofEpochMilli(now))
        .compose(v -> counters.markEnded(sessionId))
        .compose(v -> counters.sampleViewers(sessionId, now))
        .compose(v -> Future.all(counters.exactFigures(sessionId), ledger.totalsOf(sessionId)))
        .compose(both -> {
          SessionFigures counted = both.resultAt(0);
          LiveOrders.SessionTotals booked = both.resultAt(1);
          return repository.upsertResults(counted.withLedger(booked), true);
        })
        .compose(v -> counters.expire(sessionId, KEEP_KEYS_AFTER_SETTLEMENT_SECONDS));
  }
}
