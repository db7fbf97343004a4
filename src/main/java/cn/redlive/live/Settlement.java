package cn.redlive.live;

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
  private final LiveCounters counters;

  Settlement(SessionRepository repository, LiveCounters counters) {
    this.repository = repository;
    this.counters = counters;
  }

  Future<Void> flushLive() {
    return repository.liveSessionIds().compose(ids -> {
      List<Future<Void>> flushes = new ArrayList<>();
      long now = System.currentTimeMillis();
      for (long id : ids) {
        flushes.add(counters.sampleViewers(id, now)
            .compose(v -> counters.figures(id))
            .compose(figures -> repository.upsertResults(figures, false)));
      }
      return Future.join(flushes).mapEmpty();
    }).onFailure(e -> log.warn("live flush failed: {}", e.toString())).mapEmpty();
  }

  Future<Void> settleFinal(long sessionId) {
    return counters.sampleViewers(sessionId, System.currentTimeMillis())
        .compose(v -> Future.all(counters.exactFigures(sessionId), repository.ledgerTotals(sessionId)))
        .compose(both -> {
          SessionFigures counted = both.resultAt(0);
          SessionRepository.LedgerTotals ledger = both.resultAt(1);
          return repository.upsertResults(counted.withLedger(ledger), true);
        })
        .compose(v -> counters.expire(sessionId, KEEP_KEYS_AFTER_SETTLEMENT_SECONDS));
  }
}
