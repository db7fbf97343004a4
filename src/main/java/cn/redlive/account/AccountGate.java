package cn.redlive.account;

import cn.redlive.core.Principal;
import cn.redlive.core.PrincipalCheck;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Revokes tokens of disabled accounts and tokens issued before a password change, and keeps an account with a
 * temporary password to changing it (the server enforces what the web app shows). The account's state is cached
 * for a few seconds per instance so that authenticated requests do not each cost a query; a change is broadcast to
 * every instance ({@link AccountNews}), which forgets its entry at once; {@link #TTL_NANOS} is the backstop for a
 * broadcast an instance missed. Tokens logged out one by one are looked up in {@link TokenRevocations}.
 */
public final class AccountGate implements PrincipalCheck {

  private static final long TTL_NANOS = 5_000_000_000L;

  private record State(boolean active, int tokenVersion, boolean mustChangePassword, long fetchedAt) {
  }

  private final AccountRepository repository;
  private final ConcurrentHashMap<Long, State> cache = new ConcurrentHashMap<>();
  private final TokenRevocations revocations;

  public AccountGate(AccountRepository repository) {
    this.repository = repository;
    this.revocations = new TokenRevocations(repository);
  }

  TokenRevocations revocations() {
    return revocations;
  }

  @Override
  public Future<Void> stillValid(Principal principal, boolean allowedBeforePasswordChange) {
    if (revocations.isRevoked(principal.tokenId())) {
      return Future.failedFuture(ProblemException.unauthorized("token-revoked", "This token was logged out; log in again."));
    }
    State cached = cache.get(principal.accountId());
    long now = System.nanoTime();
    if (cached != null && now - cached.fetchedAt() < TTL_NANOS) {
      return verdict(cached, principal, allowedBeforePasswordChange);
    }
    return repository.tokenState(principal.accountId())
        .map(found -> found
            .map(row -> new State(Account.ACTIVE.equals(row.getString("status")), row.getInteger("token_version"),
                row.getBoolean("must_change_password"), now))
            .orElse(new State(false, -1, false, now)))
        .onSuccess(fresh -> cache.put(principal.accountId(), fresh))
        .compose(fresh -> verdict(fresh, principal, allowedBeforePasswordChange));
  }

  /** A completed future: the shared empty success, or the refusal. */
  private static Future<Void> verdict(State state, Principal principal, boolean allowedBeforePasswordChange) {
    if (!state.active()) {
      return Future.failedFuture(ProblemException.unauthorized("account-disabled", "This account is disabled."));
    }
    if (state.tokenVersion() != principal.tokenVersion()) {
      return Future.failedFuture(ProblemException.unauthorized("token-revoked",
          "This token was revoked by a password change; log in again."));
    }
    if (state.mustChangePassword() && !allowedBeforePasswordChange) {
      return Future.failedFuture(ProblemException.forbidden("password-change-required",
          "This account still has a temporary password; change it first (PUT /api/v1/me/password)."));
    }
    return Future.succeededFuture();
  }

  void forget(long accountId) {
    cache.remove(accountId);
  }
}
