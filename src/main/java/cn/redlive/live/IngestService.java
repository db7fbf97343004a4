package cn.redlive.live;

import cn.redlive.platform.BaseDays;
import cn.redlive.sales.LiveOrders;
import java.time.Clock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a batch of live events: each event checked on its own, orders written to the PostgreSQL ledger (once per
 * order id) before the counters move, then each session's share applied to Redis in one atomic, replay-safe script.
 * The batch is acknowledged only after both; a failure of either answers 503 and a retry of the same batch
 * (same producer and sequence) counts once.
 */
final class IngestService {


  private final LiveOrders ledger;
  private final SessionCache sessions;
  private final LiveCounters counters;
  private final LiveMeters meters;
  private final LiveStateRestore restore;

  private final Clock clock;

  IngestService(LiveOrders ledger, SessionCache sessions, LiveCounters counters, LiveMeters meters,
                LiveStateRestore restore, Clock clock) {
    this.clock = clock;
    this.restore = restore;
    this.ledger = ledger;
    this.sessions = sessions;
    this.counters = counters;
    this.meters = meters;
  }

  Future<JsonObject> ingest(String producerId, long sequence, JsonArray raw) {
    Instant now = clock.instant();
    List<LiveEvent.Rejection> rejected = new ArrayList<>();
    Set<Long> restored = new java.util.TreeSet<>();
    List<LiveEvent> events = parse(raw, now, rejected);
    Set<Long> sessionIds = new HashSet<>();
    events.forEach(e -> sessionIds.add(e.sessionId()));
    Map<Long, Future<Optional<LiveSession>>> lookups = new HashMap<>();
    sessionIds.forEach(id -> lookups.put(id, sessions.get(id)));
    // only a session share holding orders needs to know up front whether it is a replay, to keep its orders away
    // from the ledger; for the rest the script's own sequence check suffices, which saves a Redis round trip
    Map<Long, Future<Long>> lastSequences = new HashMap<>();
    events.stream().filter(e -> e.type() == LiveEvent.Type.ORDER).map(LiveEvent::sessionId).distinct()
        .forEach(id -> lastSequences.put(id, counters.lastSequence(id, producerId)));
    List<Future<?>> lookupsDone = new ArrayList<>(lookups.values());
    lookupsDone.addAll(lastSequences.values());
    return Future.all(lookupsDone)
        .compose(v -> {
          // a session's share of an already applied batch is skipped whole: neither ledger nor counters see it
          Set<Long> replayed = new HashSet<>();
          lastSequences.forEach((id, last) -> {
            if (sequence <= last.result()) replayed.add(id);
          });
          List<LiveEvent> fresh = events.stream().filter(e -> !replayed.contains(e.sessionId())).toList();
          List<LiveEvent> admissible = admissible(fresh, lookups, rejected);
          return writeOrders(admissible, producerId, sequence, rejected)
              .compose(countable -> applyToRedis(countable, producerId, sequence, now, rejected, restored))
              .map(allReplayed -> allReplayed || (fresh.isEmpty() && !replayed.isEmpty()));
        })
        .map(duplicate -> {
          int accepted = raw.size() - rejected.size();
          meters.accepted(accepted, rejected.size());
          JsonArray rejections = new JsonArray();
          rejected.stream().sorted(java.util.Comparator.comparingInt(LiveEvent.Rejection::index))
              .forEach(r -> rejections.add(r.toJson()));
          JsonObject answer = new JsonObject().put("accepted", accepted).put("rejected", rejections)
              .put("duplicateBatch", duplicate);
          return restored.isEmpty() ? answer : answer.put("liveStateRebuilt", LiveStateRestore.answer(restored));
        });
  }

  private static List<LiveEvent> parse(JsonArray raw, Instant now, List<LiveEvent.Rejection> rejected) {
    List<LiveEvent> events = new ArrayList<>(raw.size());
    Set<String> seenIds = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      try {
        LiveEvent event = LiveEvent.parse(i, raw.getValue(i), now);
        if (!seenIds.add(event.eventId())) {
          rejected.add(new LiveEvent.Rejection(i, event.eventId(), "duplicate-event", "this eventId appears earlier in the batch"));
        } else {
          events.add(event);
        }
      } catch (LiveEvent.Invalid invalid) {
        rejected.add(invalid.rejection);
      }
    }
    return events;
  }

  private static List<LiveEvent> admissible(List<LiveEvent> events, Map<Long, Future<Optional<LiveSession>>> lookups,
                                            List<LiveEvent.Rejection> rejected) {
    List<LiveEvent> ok = new ArrayList<>(events.size());
    for (LiveEvent e : events) {
      Optional<LiveSession> session = lookups.get(e.sessionId()).result();
      if (session.isEmpty()) {
        rejected.add(new LiveEvent.Rejection(e.index(), e.eventId(), "unknown-session", "no session " + e.sessionId()));
      } else if (!session.get().isLive()) {
        rejected.add(new LiveEvent.Rejection(e.index(), e.eventId(), "session-not-live",
            "session " + e.sessionId() + " is " + session.get().status()));
      } else if (e.type() == LiveEvent.Type.ORDER && !session.get().productIds().contains(e.productId())) {
        rejected.add(new LiveEvent.Rejection(e.index(), e.eventId(), "product-not-selected",
            "product " + e.productId() + " is not on this session's approved selection"));
      } else {
        ok.add(e);
      }
    }
    return ok;
  }

  /** Writes the orders first; keeps those this batch owns, rejects copies of orders another batch brought. */
  private Future<List<LiveEvent>> writeOrders(List<LiveEvent> events, String producerId, long sequence,
                                              List<LiveEvent.Rejection> rejected) {
    List<LiveEvent> orders = events.stream().filter(e -> e.type() == LiveEvent.Type.ORDER).toList();
    if (orders.isEmpty()) return Future.succeededFuture(events);
    Map<String, LiveEvent> firstByOrderId = new LinkedHashMap<>();
    List<LiveEvent> repeated = new ArrayList<>();
    for (LiveEvent o : orders) {
      if (firstByOrderId.putIfAbsent(o.orderId(), o) != null) repeated.add(o);
    }
    List<LiveOrders.Booking> writes = firstByOrderId.values().stream()
        .map(o -> new LiveOrders.Booking(o.orderId(), o.sessionId(), o.productId(), o.quantity(), o.amountFen(), o.at(),
            o.buyerId(), producerId, sequence)).toList();
    return ledger.book(writes).map(owners -> {
      Map<String, LiveOrders.Owner> byId = new HashMap<>();
      owners.forEach(o -> byId.putIfAbsent(o.orderId(), o));
      Set<LiveEvent> refused = new HashSet<>(repeated);
      repeated.forEach(o -> rejected.add(new LiveEvent.Rejection(o.index(), o.eventId(), "duplicate-order",
          "order " + o.orderId() + " appears earlier in the batch")));
      for (LiveEvent o : firstByOrderId.values()) {
        LiveOrders.Owner owner = byId.get(o.orderId());
        if (owner == null) {
          refused.add(o);
          rejected.add(new LiveEvent.Rejection(o.index(), o.eventId(), "session-not-live", "the session has ended"));
        } else if (!(producerId.equals(owner.producerId()) && owner.sequence() == sequence)) {
          refused.add(o);
          rejected.add(new LiveEvent.Rejection(o.index(), o.eventId(), "duplicate-order",
              "order " + o.orderId() + " was already recorded"));
        }
      }
      return events.stream().filter(e -> !refused.contains(e)).toList();
    });
  }

  /**
   * Applies one session's share; when Redis has no state for the session (it lost its data), rebuilds it from
   * PostgreSQL and applies again, noting the session in {@code restored} for the answer.
   */
  private Future<LiveCounters.Applied> applyRestoring(long sessionId, String producerId, long sequence,
                                                      List<LiveEvent> events, Instant now, Set<Long> restored) {
    return counters.apply(sessionId, producerId, sequence, events, now.toEpochMilli()).compose(applied -> {
      if (applied.outcome() != LiveCounters.Outcome.STATE_LOST) return Future.succeededFuture(applied);
      return restore.restore(sessionId, producerId, sequence, now)
          .compose(rebuilt -> {
            synchronized (restored) {
              restored.add(sessionId);
            }
            return counters.apply(sessionId, producerId, sequence, events, now.toEpochMilli());
          })
          // still no state: the session is gone from PostgreSQL too (or Redis lost it again); nothing counted
          .map(again -> again.outcome() == LiveCounters.Outcome.STATE_LOST
              ? new LiveCounters.Applied(LiveCounters.Outcome.NOT_LIVE, 0) : again);
    });
  }

  /** Applies each session's events in one script call; answers whether the whole batch was a replay. */
  private Future<Boolean> applyToRedis(List<LiveEvent> events, String producerId, long sequence, Instant now,
                                       List<LiveEvent.Rejection> rejected, Set<Long> restored) {
    Map<Long, List<LiveEvent>> bySession = new LinkedHashMap<>();
    events.forEach(e -> bySession.computeIfAbsent(e.sessionId(), id -> new ArrayList<>()).add(e));
    if (bySession.isEmpty()) return Future.succeededFuture(false);
    LocalDate day = BaseDays.dayOf(now);
    List<Future<LiveCounters.Outcome>> outcomes = new ArrayList<>();
    bySession.forEach((sessionId, sessionEvents) -> outcomes.add(
        applyRestoring(sessionId, producerId, sequence, sessionEvents, now, restored).compose(applied -> {
          if (applied.outcome() == LiveCounters.Outcome.NOT_LIVE) {
            // the session ended between the ledger write and now: its orders are in the ledger, which settlement
            // counts, so they stay accepted; only the rest is refused
            sessionEvents.stream().filter(e -> e.type() != LiveEvent.Type.ORDER)
                .forEach(e -> rejected.add(new LiveEvent.Rejection(e.index(), e.eventId(), "session-not-live",
                    "session " + sessionId + " is not live")));
            return Future.succeededFuture(applied.outcome());
          }
          // GMV moves only with orders, so only a share holding orders (or its replay, which repairs a leaderboard
          // write lost with the first attempt) records it: absolute and GT-guarded, a replayed or reordered write
          // cannot lower or double it
          if (sessionEvents.stream().noneMatch(e -> e.type() == LiveEvent.Type.ORDER)) {
            return Future.succeededFuture(applied.outcome());
          }
          return counters.recordLeaderboard(day, sessionId, applied.gmvFen()).map(applied.outcome());
        })));
    return Future.all(outcomes).map(v -> outcomes.stream()
        .allMatch(o -> o.result() == LiveCounters.Outcome.DUPLICATE_BATCH));
  }
}
