package cn.redlive.account;

import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import cn.redlive.web.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import cn.redlive.core.Principal;
import cn.redlive.platform.Broadcast;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

import java.util.Locale;
import java.util.Optional;

/** Login, account administration and password changes. Hashing runs on its own bounded worker pool. */
public final class AccountService {

  /** The Redis channel on which instances tell each other of logouts and account changes. */
  public static final String NEWS_CHANNEL = AccountNews.CHANNEL;
  private static final long PRUNE_EVERY_MS = 60 * 60 * 1000L;
  private static final long REVOCATIONS_RELOAD_MS = 5_000L;

  private final AccountRepository repository;
  private final PasswordHasher hasher;
  private final Tokens tokens;
  private final LoginThrottle throttle;
  private final LoginAdmission admission;
  private final PasswordWork work;
  private final AccountGate gate;
  private final AccountNews news;
  private final Clock clock;
  /** Hashed on a worker thread at start: a 600,000-round PBKDF2 must not hold the event loop. */
  private final Future<String> decoyHash;

  public AccountService(Vertx vertx, AccountRepository repository, PasswordHasher hasher, Tokens tokens,
                        LoginLimits limits, AccountGate gate, MeterRegistry registry, Broadcast broadcast, Clock clock) {
    this.repository = repository;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = new LoginThrottle(repository, limits.freeFailedLogins());
    this.work = new PasswordWork(vertx, limits.threads(), registry);
    this.admission = new LoginAdmission(limits.perName(), limits.perAddress(), limits.waitingAtMost());
    this.gate = gate;
    this.news = new AccountNews(broadcast, gate);
    this.clock = clock;
    this.decoyHash = work.hash(hasher, PasswordHasher.randomPassword());
    // Vert.x cancels the timers when it closes
    vertx.setPeriodic(PRUNE_EVERY_MS, id -> throttle.pruneQuietNames().compose(v -> repository.pruneRevokedTokens()));
    vertx.setPeriodic(REVOCATIONS_RELOAD_MS, id -> reloadRevocations());
  }

  /** Reads the logouts of every instance; at start-up before serving, then as a backstop for missed broadcasts. */
  public Future<Void> reloadRevocations() {
    return gate.revocations().reload(clock.instant().getEpochSecond());
  }

  /**
   * Revokes this one token on every instance before answering: it is written to PostgreSQL and broadcast. A token
   * from before tokens had ids cannot be named, so for it all of the account's tokens are revoked.
   */
  public Future<Void> logout(Principal principal) {
    if (principal.tokenId() == null) {
      return repository.revokeAllTokens(principal.accountId()).compose(v -> news.accountChanged(principal.accountId()));
    }
    // the token cannot outlive its lifetime from now, so its revocation need not either
    long expiresAt = clock.instant().getEpochSecond() + tokens.ttlMinutes() * 60L;
    return repository.revokeToken(principal.tokenId(), principal.accountId(), expiresAt)
        .compose(v -> news.tokenRevoked(principal.tokenId(), expiresAt));
  }

  /** A successful login: the token and the account it speaks for. */
  public record Session(Tokens.Issued token, Account account) {
    JsonObject toJson() {
      return new JsonObject()
          .put("accessToken", token.token())
          .put("tokenType", "Bearer")
          .put("expiresAt", token.expiresAt().toString())
          .put("account", account.toJson());
    }
  }

  /**
   * Checks a password at most as often as the throttle allows, counting the attempt first. A disabled account
   * answers exactly as an unknown name does (401, attempts counted, a check of the same cost), right password or
   * not: its password stays as secret as its existence.
   */
  public Future<Session> login(String username, String password, String clientAddress) {
    LoginAdmission.Ticket ticket = admission.enter(username.toLowerCase(Locale.ROOT), clientAddress);
    return throttle.admit(username)
        .compose(admitted -> repository.findCredentials(username))
        .compose(found -> {
          Optional<AccountRepository.Credentials> usable = found.filter(c -> c.account().active());
          // same work as a real check, so response time does not reveal which usernames exist
          Future<Boolean> matches = usable.isPresent()
              ? work.verify(hasher, password, usable.get().passwordHash())
              : decoyHash.compose(decoy -> work.verify(hasher, password, decoy)).map(false);
          return matches.compose(right -> {
            if (!right) return throttle.failed(username).compose(v -> Future.failedFuture(invalidCredentials()));
            Account account = usable.get().account();
            return throttle.forget(username)
                .compose(v -> repository.recordSuccessfulLogin(account.id()))
                .map(v -> new Session(issue(account), account));
          });
        })
        .onComplete(done -> ticket.release());
  }

  /** Creates an account; without a password a temporary one is generated and returned once. */
  public Future<JsonObject> create(NewAccount request, String password, long actorId) {
    boolean generated = password == null || password.isEmpty();
    String initial = generated ? PasswordHasher.randomPassword() : password;
    if (!generated) PasswordPolicy.require("password", initial, request.username());
    return hash(initial)
        .compose(hash -> repository.insert(repositoryClient(), request, hash, generated))
        .compose(created -> created
            .map(account -> repository.audit(account.id(), actorId, "created").map(account))
            .orElseGet(() -> Future.failedFuture(ProblemException.conflict("username-taken",
                "The username " + request.username() + " is already taken."))))
        .map(account -> {
          JsonObject json = new JsonObject().put("account", account.toJson());
          if (generated) json.put("temporaryPassword", initial);
          return json;
        });
  }

  /** Used at start-up and by the demo loader: creates the account unless the username exists. */
  public Future<Optional<Account>> createIfAbsent(NewAccount request, String password, boolean mustChange) {
    return hash(password).compose(hash -> repository.insert(repositoryClient(), request, hash, mustChange));
  }

  public Future<Boolean> anyManager() {
    return repository.countManagers().map(n -> n > 0);
  }

  public Future<Account> setEnabled(long id, boolean enabled, long actorId) {
    if (!enabled && id == actorId) {
      return Future.failedFuture(ProblemException.ruleViolated("cannot-disable-self",
          "You cannot disable your own account."));
    }
    return repository.setStatus(id, enabled ? Account.ACTIVE : Account.DISABLED)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchAccount(id))))
        .compose(change -> (change.changed() ? recordStatusChange(change.account(), enabled, actorId)
            : Future.<Void>succeededFuture()).map(change.account()));
  }

  /** Audits a real change and forgets the failed logins counted while the account answered like an unknown name. */
  private Future<Void> recordStatusChange(Account account, boolean enabled, long actorId) {
    return news.accountChanged(account.id())
        .compose(v -> repository.audit(account.id(), actorId, enabled ? "enabled" : "disabled"))
        .compose(v -> enabled ? throttle.forget(account.username()) : Future.succeededFuture());
  }

  public Future<JsonObject> resetPassword(long id, long actorId) {
    String temporary = PasswordHasher.randomPassword();
    return hash(temporary)
        .compose(hash -> repository.setPassword(id, hash, true))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchAccount(id))))
        .compose(account -> repository.audit(id, actorId, "password-reset").map(account))
        .compose(account -> throttle.forget(account.username()).map(account))
        .compose(account -> news.accountChanged(id).map(account))
        .map(account -> new JsonObject().put("account", account.toJson()).put("temporaryPassword", temporary));
  }

  /** Changes the caller's own password; earlier tokens stop working and a fresh one is returned. */
  public Future<Session> changePassword(long id, String username, String current, String next) {
    PasswordPolicy.require("newPassword", next, username);
    if (next.equals(current)) {
      return Future.failedFuture(ProblemException.invalidField("newPassword", "must differ from the current password"));
    }
    return repository.findCredentials(username)
        .compose(found -> found.filter(c -> c.account().id() == id)
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(noSuchAccount(id))))
        .compose(credentials -> verify(current, credentials.passwordHash()))
        .compose(matches -> matches ? hash(next)
            : Future.failedFuture(ProblemException.invalidField("currentPassword", "is not your current password")))
        .compose(hash -> repository.setPassword(id, hash, false))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchAccount(id))))
        .compose(account -> repository.audit(id, id, "password-changed").map(account))
        .compose(account -> news.accountChanged(id).map(account))
        .map(account -> new Session(issue(account), account));
  }

  public Future<Account> get(long id) {
    return repository.findById(id)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchAccount(id))));
  }

  /** Display names of the accounts among {@code ids} (missing ones are left out): what other features show beside an id. */
  public Future<java.util.Map<Long, String>> displayNames(java.util.Collection<Long> ids) {
    return names(ids).map(names -> {
      java.util.Map<Long, String> displayNames = new java.util.HashMap<>();
      names.forEach((id, name) -> displayNames.put(id, name.displayName()));
      return displayNames;
    });
  }

  /** Ids of the streamer accounts among these lower-case usernames (others are left out), by lower-case username. */
  public Future<java.util.Map<String, Long>> streamerIds(java.util.Collection<String> usernames) {
    return repository.streamerIds(usernames);
  }

  /** Username and display name of the accounts among {@code ids} (missing ones are left out), by id. */
  public Future<java.util.Map<Long, AccountName>> names(java.util.Collection<Long> ids) {
    return ids.isEmpty() ? Future.succeededFuture(java.util.Map.of()) : repository.names(ids);
  }

  /**
   * The items again, in their order, each with the display name of the account it names ({@code null} where it names
   * none or one that does not exist): how another feature shows a name beside an account id it keeps.
   */
  public <T> Future<java.util.List<T>> withDisplayNames(java.util.List<T> items, java.util.function.Function<T, Long> accountOf,
                                                        java.util.function.BiFunction<T, String, T> withName) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (T item : items) {
      Long id = accountOf.apply(item);
      if (id != null) ids.add(id);
    }
    return displayNames(ids).map(names -> items.stream().map(item -> {
      Long id = accountOf.apply(item);
      return withName.apply(item, id == null ? null : names.get(id));
    }).toList());
  }

  public Future<AccountRepository.PageOf> list(AccountRepository.Filter filter, cn.redlive.core.Paging paging) {
    return repository.list(filter, paging);
  }

  /** Accounts per role and status, for the overview (one query instead of a page request per pair). */
  public Future<io.vertx.core.json.JsonArray> countByRoleAndStatus() {
    return repository.countByRoleAndStatus();
  }

  private Tokens.Issued issue(Account account) {
    return tokens.issue(account.id(), account.username(), account.displayName(), account.role(), account.tokenVersion());
  }

  private Future<String> hash(String password) {
    return work.hash(hasher, password);
  }

  private Future<Boolean> verify(String password, String hash) {
    return work.verify(hasher, password, hash);
  }

  private io.vertx.sqlclient.SqlClient repositoryClient() {
    return repository.pool();
  }

  private static ProblemException invalidCredentials() {
    return ProblemException.unauthorized("invalid-credentials", "The username or password is wrong.");
  }

  private static ProblemException noSuchAccount(long id) {
    return ProblemException.notFound("There is no account " + id + ".");
  }

  static Role roleOf(String code) {
    return Role.fromCode(code).orElseThrow(() -> ProblemException.invalidField("role", "unknown role " + code));
  }
}
