package cn.redlive.live;

import cn.redlive.sales.LiveOrders;
import java.time.Clock;
import java.time.Instant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Moves figures from Redis to PostgreSQL: every interval for live sessions (also sampling concurrent viewers), and
 * once, final, when a session ends. Each interval a session is flushed by the one instance that claimed its lease
 * (V80), so instances share the work instead of repeating it. Every write is an absolute upsert, and final rows are
 * never overwritten, so running it twice, or on two instances at once (an end request and a tick), changes
 * nothing. Orders, buyers and GMV of the final figures come from the sales ledger, the record of truth, and unique
 * viewers from the exact set (live flushes show the HyperLogLog estimate).
 */
final class Settlement {

  private static final Logger log = LoggerFactory.getLogger(Settlement.class);
  static final long KEEP_KEYS_AFTER_SETTLEMENT_SECONDS = 3600;
  /** Sessions one tick reads from Redis (or settles) at once: a tick never floods Redis or the database pool. */
  static final int IN_FLIGHT = 8;
  /** Sessions per upsert statement. */
  static final int ROWS_PER_UPSERT = 200;
  /** Ticks of an instance come 0.8 to 1.2 intervals apart (see LiveFeature), one interval on average. */
  static final double SHORTEST_TICK = 0.8;
  static final double LONGEST_TICK = 1.2;
  /**
   * A lease is shorter than the shortest gap between ticks, so the instance that claimed a session finds it due
   * again at its next tick; several instances flush a session at most once per 3/4 of an interval.
   */
  static final double LEASE_OF_INTERVAL = 0.75;

  private final SessionRepository repository;
  private final LiveOrders ledger;
  private final SettlementLeaseRepository leases;
  private final LiveCounters counters;
  private final LiveStateRestore restore;
  private final Clock clock;
  private final long everyMs;
  private final int claimLimit;
  private final UUID instance = UUID.randomUUID();
  private final AtomicBoolean ticking = new AtomicBoolean();
  private final Counter liveFlushes;
  private final Counter finalFlushes;
  private final Counter skippedTicks;
  private final Counter failures;

  Settlement(SessionRepository repository, LiveOrders ledger, SettlementLeaseRepository leases, LiveCounters counters,
             LiveStateRestore restore, Clock clock, long everyMs, int claimLimit, MeterRegistry registry) {
    this.repository = repository;
    this.ledger = ledger;
    this.leases = leases;
    this.counters = counters;
    this.restore = restore;
    this.clock = clock;
    this.everyMs = everyMs;
    this.claimLimit = claimLimit;
    this.liveFlushes = flushes(registry, "live");
    this.finalFlushes = flushes(registry, "final");
    this.skippedTicks = Counter.builder("redlive_live_settlement_skipped_ticks")
        .description("settlement ticks not started because the previous one still ran").register(registry);
    this.failures = Counter.builder("redlive_live_settlement_failures")
        .description("sessions whose flush failed (retried next interval)").register(registry);
  }

  private static Counter flushes(MeterRegistry registry, String kind) {
    return Counter.builder("redlive_live_settlement_flushes").tag("kind", kind)
        .description("session figures written to PostgreSQL by this instance").register(registry);
  }

  long everyMs() {
    return everyMs;
  }

  UUID instance() {
    return instance;
  }

  /**
   * One tick of the timer: claims the due sessions, flushes the live ones and settles the ended ones (after
   * rebuilding a state Redis lost, so a flush never writes its zeros over the figures PostgreSQL has). Not started
   * while the previous tick still runs; claims another round while rounds come back full and the interval lasts.
   */
  Future<Void> tick() {
    if (!ticking.compareAndSet(false, true)) {
      skippedTicks.increment();
      return Future.succeededFuture();
    }
    long until = System.nanoTime() + everyMs * 1_000_000;
    AtomicReference<Throwable> failed = new AtomicReference<>();
    return rounds(until, failed)
        .andThen(done -> {
          ticking.set(false);
          Throwable problem = done.failed() ? done.cause() : failed.get();
          if (problem != null) log.warn("live settlement: {}", problem.toString());
        });
  }

  private Future<Void> rounds(long untilNanos, AtomicReference<Throwable> failed) {
    long leaseMs = Math.max(1, (long) (everyMs * LEASE_OF_INTERVAL));
    return leases.claim(instance, leaseMs, claimLimit).compose(claimed -> settle(claimed, failed)
        .compose(v -> claimed.size() >= claimLimit && System.nanoTime() < untilNanos
            ? rounds(untilNanos, failed) : Future.succeededFuture()));
  }

  private Future<Void> settle(SettlementLeaseRepository.Claimed claimed, AtomicReference<Throwable> failed) {
    long now = clock.millis();
    return inLanes(claimed.ended(), this::settleFinal, failed)
        .compose(v -> inLanes(claimed.live(), id -> liveFigures(id, now), failed))
        .compose(figures -> upsertInChunks(figures, 0, failed));
  }

  private Future<SessionFigures> liveFigures(long id, long now) {
    return restore.ensure(id, Instant.ofEpochMilli(now))
        .compose(v -> counters.sampleViewers(id, now))
        .compose(v -> counters.figures(id));
  }

  private Future<Void> upsertInChunks(List<SessionFigures> figures, int from, AtomicReference<Throwable> failed) {
    if (from >= figures.size()) return Future.succeededFuture();
    List<SessionFigures> chunk = figures.subList(from, Math.min(figures.size(), from + ROWS_PER_UPSERT));
    return repository.upsertResults(chunk, false)
        .onSuccess(v -> liveFlushes.increment(chunk.size()))
        .recover(e -> failedFor(chunk.size(), e, failed))
        .compose(v -> upsertInChunks(figures, from + ROWS_PER_UPSERT, failed));
  }

  /**
   * Runs {@code work} for every id, at most {@link #IN_FLIGHT} at once: lane i takes ids i, i + 8, i + 16 ... one
   * after another, so nothing is shared between callbacks that may run on different event loops. A failed id is
   * counted and left out; the lease brings it back next interval.
   */
  private <T> Future<List<T>> inLanes(List<Long> ids, Function<Long, Future<T>> work, AtomicReference<Throwable> failed) {
    List<Future<List<T>>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(IN_FLIGHT, ids.size()); lane++) {
      Future<List<T>> done = Future.succeededFuture(new ArrayList<>());
      for (int i = lane; i < ids.size(); i += IN_FLIGHT) {
        long id = ids.get(i);
        done = done.compose(results -> work.apply(id)
            .recover(e -> failedFor(1, e, failed).<T>mapEmpty())
            .map(result -> {
              if (result != null) results.add(result);
              return results;
            }));
      }
      lanes.add(done);
    }
    return Future.all(lanes).map(all -> lanes.stream().flatMap(lane -> lane.result().stream())
        .filter(Objects::nonNull).toList());
  }

  private Future<Void> failedFor(int sessions, Throwable e, AtomicReference<Throwable> failed) {
    failures.increment(sessions);
    failed.set(e);
    return Future.succeededFuture();
  }

  /**
   * Safe to repeat until it succeeds: a settlement cut short by an outage is finished by whichever instance next
   * claims the session. Answers the figures written (or found final already).
   */
  Future<SessionFigures> settleFinal(long sessionId) {
    long now = clock.millis();
    return restore.ensure(sessionId, Instant.ofEpochMilli(now))
        .compose(v -> counters.markEnded(sessionId))
        .compose(v -> counters.sampleViewers(sessionId, now))
        .compose(v -> Future.all(counters.exactFigures(sessionId), ledger.totalsOf(sessionId)))
        .compose(both -> {
          SessionFigures counted = both.resultAt(0);
          LiveOrders.SessionTotals booked = both.resultAt(1);
          SessionFigures settled = counted.withLedger(booked);
          return repository.upsertResults(settled, true).onSuccess(v -> finalFlushes.increment()).map(settled);
        })
        .compose(settled -> leases.release(sessionId).map(settled))
        .compose(settled -> counters.expire(sessionId, KEEP_KEYS_AFTER_SETTLEMENT_SECONDS).map(settled));
  }
}
