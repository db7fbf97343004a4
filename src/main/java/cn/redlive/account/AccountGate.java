package cn.redlive.account;

import cn.redlive.core.Principal;
import cn.redlive.core.PrincipalCheck;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Revokes tokens of disabled accounts and tokens issued before a password change. The account's state is cached
 * for a few seconds per instance so that authenticated requests do not each cost a query; the instance that makes
 * a change forgets its entry at once, other instances see it within {@link #TTL_NANOS}.
 */
public final class AccountGate implements PrincipalCheck {

  private static final long TTL_NANOS = 5_000_000_000L;

  private record State(boolean active, int tokenVersion, long fetchedAt) {
  }

  private final AccountRepository repository;
  private final ConcurrentHashMap<Long, State> cache = new ConcurrentHashMap<>();

  public AccountGate(AccountRepository repository) {
    this.repository = repository;
  }

  @Override
  public Future<Void> stillValid(Principal principal) {
    State cached = cache.get(principal.accountId());
    long now = System.nanoTime();
    if (cached != null && now - cached.fetchedAt() < TTL_NANOS) return verdict(cached, principal);
    return repository.tokenState(principal.accountId())
        .map(found -> found
            .map(row -> new State("active".equals(row.getString("status")), row.getInteger("token_version"), now))
            .orElse(new State(false, -1, now)))
        .onSuccess(fresh -> cache.put(principal.accountId(), fresh))
        .compose(fresh -> verdict(fresh, principal));
  }

  /** A completed future: the shared empty success, or the refusal. */
  private static Future<Void> verdict(State state, Principal principal) {
    if (!state.active()) {
      return Future.failedFuture(ProblemException.unauthorized("account-disabled", "This account is disabled."));
    }
    if (state.tokenVersion() != principal.tokenVersion()) {
      return Future.failedFuture(ProblemException.unauthorized("token-revoked",
          "This token was revoked by a password change; log in again."));
    }
    return Future.succeededFuture();
  }

  void forget(long accountId) {
    cache.remove(accountId);
  }
}
