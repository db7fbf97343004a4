package cn.redlive.live;

import cn.redlive.sales.LiveOrders;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Redis is a cache of live state; PostgreSQL is the record. When Redis lost a session's state (restart without
 * persistence, failover dropping writes) this rebuilds it from PostgreSQL: the status, the last flushed figures,
 * orders and GMV from the ledger, each producer's last batch sequence with orders. What cannot be rebuilt is
 * reported (in the ingest answer and on /health/ready): events after the last flush (at most a flush interval)
 * other than orders, and the viewer and buyer sets, which start afresh.
 */
final class LiveStateRestore {

  private static final Logger log = LoggerFactory.getLogger(LiveStateRestore.class);
  static final String LOST = "likes, follows, comments, shares, views and watch time since the last flush (at most a "
      + "settlement interval, live.settleEveryMs); the unique viewer and buyer sets start afresh";

  private final SessionRepository repository;
  private final LiveOrders ledger;
  private final LiveCounters counters;
  /** Sessions this instance rebuilt, and when: what /health/ready reports. */
  private final ConcurrentMap<Long, Instant> restored = new ConcurrentHashMap<>();

  LiveStateRestore(SessionRepository repository, LiveOrders ledger, LiveCounters counters) {
    this.repository = repository;
    this.ledger = ledger;
    this.counters = counters;
  }

  /**
   * Rebuilds the session's state unless Redis has it; the batch being applied (producer, sequence) is left out,
   * so it counts itself. Answers whether this call rebuilt it.
   */
  Future<Boolean> restore(long sessionId, String applyingProducer, long applyingSequence, Instant now) {
    return repository.find(sessionId).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(false);
      return lostState(sessionId, applyingProducer, applyingSequence)
          .compose(state -> counters.restore(found.get(), state, now.toEpochMilli()))
          .onSuccess(rebuilt -> {
            if (rebuilt) {
              if (restored.size() > 1_000) restored.clear();
              restored.put(sessionId, now);
              log.warn("Redis had lost the live state of session {}; rebuilt it from PostgreSQL", sessionId);
            }
          });
    });
  }

  private Future<SessionRepository.LostState> lostState(long sessionId, String applyingProducer, long applyingSequence) {
    var flushed = repository.flushedCounters(sessionId);
    var booked = ledger.bookedBesides(sessionId, applyingProducer, applyingSequence);
    return Future.all(flushed, booked).map(both -> {
      java.util.Map<String, Long> counters = new java.util.LinkedHashMap<>(flushed.result());
      counters.put("orders", booked.result().orders());
      counters.put("gmv", booked.result().gmvFen());
      return new SessionRepository.LostState(counters, booked.result().lastSequences());
    });
  }

  /** Rebuilds the session's state if Redis lost it; for flushes and settlement, which apply no batch. */
  Future<Void> ensure(long sessionId, Instant now) {
    return counters.hasState(sessionId).compose(present -> present ? Future.succeededFuture()
        : restore(sessionId, "", -1, now).mapEmpty());
  }

  static JsonObject answer(Iterable<Long> sessionIds) {
    JsonArray ids = new JsonArray();
    sessionIds.forEach(ids::add);
    return new JsonObject().put("sessionIds", ids).put("lost", LOST);
  }

  /** For /health/ready: which sessions were rebuilt, when, and what was lost. */
  JsonObject report() {
    JsonObject sessions = new JsonObject();
    restored.forEach((id, at) -> sessions.put(Long.toString(id), at.toString()));
    return new JsonObject().put("status", restored.isEmpty() ? "INTACT" : "REBUILT")
        .put("rebuiltSessions", sessions).put("lost", restored.isEmpty() ? null : LOST);
  }
}
