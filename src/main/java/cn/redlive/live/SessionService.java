package cn.redlive.live;

import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Scheduling, starting and ending live sessions. */
final class SessionService {

  private final SessionRepository repository;
  private final SessionCache cache;
  private final LiveCounters counters;
  private final Settlement settlement;
  private final SessionRules rules;

  SessionService(SessionRepository repository, SessionCache cache, LiveCounters counters, Settlement settlement,
                 SessionRules rules) {
    this.repository = repository;
    this.cache = cache;
    this.counters = counters;
    this.settlement = settlement;
    this.rules = rules;
  }

  record Schedule(Long streamerAccountId, String title, OffsetDateTime plannedStart, OffsetDateTime plannedEnd,
                  List<Long> productIds) {
  }

  Future<LiveSession> schedule(Principal caller, Schedule request) {
    long streamerId = caller.is(Role.STREAMER) ? caller.accountId()
        : request.streamerAccountId() == null ? -1 : request.streamerAccountId();
    if (caller.is(Role.STREAMER) && request.streamerAccountId() != null && request.streamerAccountId() != streamerId) {
      return Future.failedFuture(ProblemException.forbidden("not-your-session", "Streamers schedule their own sessions."));
    }
    if (streamerId < 0) return Future.failedFuture(ProblemException.invalidField("streamerAccountId", "is required"));
    if (!request.plannedEnd().isAfter(request.plannedStart())) {
      return Future.failedFuture(ProblemException.invalidField("plannedEnd", "must be after plannedStart"));
    }
    List<Long> products = request.productIds().stream().distinct().toList();
    if (products.isEmpty()) {
      return Future.failedFuture(ProblemException.ruleViolated("session-without-products",
          "A session sells at least one product; pick them from the streamer's selection list."));
    }
    return requireStreamer(streamerId)
        .compose(v -> rules.refusedProducts(streamerId, products))
        .compose(refused -> refused.isEmpty() ? Future.succeededFuture()
            : Future.failedFuture(ProblemException.ruleViolated("product-not-sellable", String.join("; ", refused))))
        .compose(v -> rules.teamAt(streamerId, request.plannedStart().toInstant()))
        .compose(team -> repository.insert(streamerId, team, request.title(), request.plannedStart(),
            request.plannedEnd(), caller.accountId(), products))
        .compose(this::get);
  }

  Future<LiveSession> get(long id) {
    return repository.find(id).compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(ProblemException.notFound("There is no session " + id + "."))))
        .compose(session -> named(List.of(session))).map(named -> named.get(0));
  }

  Future<SessionRepository.PageOf> list(Principal caller, String status, Long streamerId, Paging paging) {
    Long only = caller.is(Role.STREAMER) ? Long.valueOf(caller.accountId()) : streamerId;
    return repository.list(status, only, paging)
        .compose(page -> named(page.items()).map(items -> new SessionRepository.PageOf(items, page.total())));
  }

  /** The sessions with their streamers' names, which the account feature keeps. */
  private Future<List<LiveSession>> named(List<LiveSession> sessions) {
    Set<Long> accounts = new HashSet<>();
    sessions.forEach(s -> accounts.add(s.streamerAccountId()));
    return rules.streamerNames(accounts)
        .map(names -> sessions.stream().map(s -> s.named(names.get(s.streamerAccountId()))).toList());
  }

  /**
   * Starts the session in PostgreSQL, then marks it live in Redis. PostgreSQL decides: should Redis fail in between
   * (503), starting again finds the session live and marks it live in Redis again, so a retry finishes the start
   * and no session stays live in one and not the other.
   */
  Future<LiveSession> start(long id) {
    return repository.start(id).compose(started -> {
      cache.forget(id);
      return get(id).compose(session -> {
        if (!started && !LiveSession.LIVE.equals(session.status())) {
          return Future.failedFuture(ProblemException.ruleViolated("session-not-scheduled",
              "Only a scheduled session can start; this one is " + session.status() + "."));
        }
        return counters.markLive(session).map(session);
      });
    });
  }

  /**
   * Ends the session, then settles it. An end whose settlement failed (Redis down: 503) can be sent again and
   * finishes the settlement; ending a settled session answers 422 and changes nothing.
   */
  Future<LiveSession> end(long id) {
    return repository.end(id, settlement.everyMs()).compose(ended -> {
      if (!ended) return get(id).compose(s -> LiveSession.ENDED.equals(s.status())
          ? repository.isSettled(id).compose(settled -> settled
              ? Future.failedFuture(notLive(s)) : settlement.settleFinal(id).compose(v -> get(id)))
          : Future.failedFuture(notLive(s)));
      cache.forget(id);
      return settlement.settleFinal(id).compose(v -> get(id));
    });
  }

  private static ProblemException notLive(LiveSession s) {
    return ProblemException.ruleViolated("session-not-live", "Only a live session can end; this one is " + s.status() + ".");
  }

  private Future<Void> requireStreamer(long accountId) {
    return rules.isActiveStreamer(accountId)
        .compose(active -> active ? Future.<Void>succeededFuture()
            : Future.failedFuture(ProblemException.invalidField("streamerAccountId", "is not an active streamer")));
  }
}
