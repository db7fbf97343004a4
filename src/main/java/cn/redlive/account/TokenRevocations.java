package cn.redlive.account;

import io.vertx.core.Future;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens logged out before they expire, by token id: a map lookup per request. Logout writes the id to PostgreSQL
 * (which instances started later, or that missed a broadcast, read back) and broadcasts it to every instance.
 */
final class TokenRevocations {

  /** Overlap of two reloads, so a revocation committed while one ran is not missed by the next. */
  private static final long RELOAD_OVERLAP_SECONDS = 30;

  private final AccountRepository repository;
  /** token id -> epoch second after which the token would be refused anyway. */
  private final ConcurrentHashMap<String, Long> revoked = new ConcurrentHashMap<>();
  private volatile long reloadedUpTo;

  TokenRevocations(AccountRepository repository) {
    this.repository = repository;
  }

  boolean isRevoked(String tokenId) {
    return tokenId != null && revoked.containsKey(tokenId);
  }

  void add(String tokenId, long expiresAtEpochSecond) {
    revoked.put(tokenId, expiresAtEpochSecond);
  }

  /** Reads revocations since the previous reload (all unexpired ones the first time) and drops expired ones. */
  Future<Void> reload(long nowEpochSecond) {
    long since = reloadedUpTo == 0 ? 0 : reloadedUpTo - RELOAD_OVERLAP_SECONDS;
    return repository.revokedTokensSince(since).map(found -> {
      revoked.putAll(found);
      revoked.values().removeIf(expiry -> expiry <= nowEpochSecond);
      reloadedUpTo = nowEpochSecond;
      return null;
    });
  }
}
