package cn.redlive.account;

import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import cn.redlive.web.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Login, account administration and password changes. Hashing runs on worker threads. */
public final class AccountService {

  public static final int MIN_PASSWORD_LENGTH = 10;

  private final Vertx vertx;
  private final AccountRepository repository;
  private final PasswordHasher hasher;
  private final Tokens tokens;
  private final LoginThrottle throttle;
  private final AccountGate gate;
  /** Hashed on a worker thread at start: a 600,000-round PBKDF2 must not hold the event loop. */
  private final Future<String> decoyHash;

  public AccountService(Vertx vertx, AccountRepository repository, PasswordHasher hasher, Tokens tokens,
                        int freeFailedLogins, AccountGate gate) {
    this.vertx = vertx;
    this.repository = repository;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = new LoginThrottle(freeFailedLogins);
    this.gate = gate;
    this.decoyHash = vertx.executeBlocking(hasher::decoy, false);
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

  public Future<Session> login(String username, String password) {
    return repository.findCredentials(username).compose(found -> {
      if (found.isEmpty()) {
        // same work as a real check, so response time does not reveal which usernames exist
        return decoyHash.compose(decoy -> verify(password, decoy)).compose(ignored -> Future.failedFuture(invalidCredentials()));
      }
      var credentials = found.get();
      long wait = throttle.secondsToWait(credentials.failedLogins(), credentials.lastFailedLoginAt(), OffsetDateTime.now());
      if (wait > 0) {
        return Future.failedFuture(ProblemException.tooManyRequests("too-many-failed-logins",
            "Too many failed logins for this account; try again in " + wait + " s.", wait));
      }
      return verify(password, credentials.passwordHash()).compose(matches -> {
        Account account = credentials.account();
        if (!matches) {
          return repository.recordFailedLogin(account.id()).compose(v -> Future.failedFuture(invalidCredentials()));
        }
        if (!account.active()) {
          return Future.failedFuture(ProblemException.forbidden("account-disabled",
              "This account has been disabled; ask a base manager."));
        }
        return repository.recordSuccessfulLogin(account.id()).map(v -> new Session(issue(account), account));
      });
    });
  }

  /** Creates an account; without a password a temporary one is generated and returned once. */
  public Future<JsonObject> create(NewAccount request, String password, long actorId) {
    boolean generated = password == null || password.isEmpty();
    String initial = generated ? PasswordHasher.randomPassword() : password;
    requireStrong("password", initial);
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
        .compose(account -> repository.audit(id, actorId, enabled ? "enabled" : "disabled").map(account))
        .onSuccess(account -> gate.forget(id));
  }

  public Future<JsonObject> resetPassword(long id, long actorId) {
    String temporary = PasswordHasher.randomPassword();
    return hash(temporary)
        .compose(hash -> repository.setPassword(id, hash, true))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchAccount(id))))
        .compose(account -> repository.audit(id, actorId, "password-reset").map(account))
        .onSuccess(account -> gate.forget(id))
        .map(account -> new JsonObject().put("account", account.toJson()).put("temporaryPassword", temporary));
  }

  /** Changes the caller's own password; earlier tokens stop working and a fresh one is returned. */
  public Future<Session> changePassword(long id, String username, String current, String next) {
    requireStrong("newPassword", next);
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
        .onSuccess(account -> gate.forget(id))
        .map(account -> new Session(issue(account), account));
  }

  public Future<Account> get(long id) {
    return repository.findById(id)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchAccount(id))));
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
    return vertx.executeBlocking(() -> hasher.hash(password), false);
  }

  private Future<Boolean> verify(String password, String hash) {
    return vertx.executeBlocking(() -> hasher.verify(password, hash), false);
  }

  private io.vertx.sqlclient.SqlClient repositoryClient() {
    return repository.pool();
  }

  private static void requireStrong(String field, String password) {
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw ProblemException.invalidField(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > 128) throw ProblemException.invalidField(field, "must be at most 128 characters");
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
