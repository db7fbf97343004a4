package cn.redlive.live;

import io.vertx.core.Future;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions as ingestion sees them, cached for a second per instance so a batch costs no session query.
 * Staleness is harmless: Redis refuses events for a session that has ended (apply-batch.lua checks its status)
 * and PostgreSQL refuses orders for it (the insert joins on status = 'live').
 */
final class SessionCache {

  private static final long TTL_NANOS = 1_000_000_000L;

  private record Entry(Optional<LiveSession> session, long fetchedAt) {
  }

  private final SessionRepository repository;
  private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

  SessionCache(SessionRepository repository) {
    this.repository = repository;
  }

  Future<Optional<LiveSession>> get(long sessionId) {
    Entry entry = entries.get(sessionId);
    long now = System.nanoTime();
    if (entry != null && now - entry.fetchedAt() < TTL_NANOS) return Future.succeededFuture(entry.session());
    return repository.find(sessionId).onSuccess(found -> {
      if (entries.size() > 10_000) entries.clear();
      entries.put(sessionId, new Entry(found, now));
    });
  }

  void forget(long sessionId) {
    entries.remove(sessionId);
  }
}
