package cn.redlive.account;

import cn.redlive.core.ProblemException;
import io.vertx.core.Future;

/**
 * Slows down password guessing per username: the first {@code freeAttempts} failed logins cost nothing extra, after
 * that each attempt must wait 1, 2, 4 ... seconds (at most 15 minutes) after the previous one. An attempt is counted
 * in PostgreSQL, in one statement with the check, before its password is hashed: parallel guesses, at one instance or
 * at many sharing the database, queue on the same row and only those the limit admits get checked. Unknown names are
 * counted the same way, so a 429 does not tell that a name exists. A successful login forgets the count; so does a
 * day without attempts.
 */
final class LoginThrottle {

  private final AccountRepository repository;
  private final int freeAttempts;

  LoginThrottle(AccountRepository repository, int freeAttempts) {
    this.repository = repository;
    this.freeAttempts = freeAttempts;
  }

  /** Counts an attempt at this name, or fails with 429 and the seconds to wait. */
  Future<Void> admit(String username) {
    return repository.reserveLoginAttempt(username, freeAttempts).compose(wait -> wait == 0
        ? Future.succeededFuture()
        : Future.failedFuture(ProblemException.tooManyRequests("too-many-failed-logins",
            "Too many failed logins for this name; try again in " + wait + " s.", wait)));
  }

  Future<Void> failed(String username) {
    return repository.recordFailedAttempt(username);
  }

  Future<Void> forget(String username) {
    return repository.forgetLoginAttempts(username);
  }

  Future<Void> pruneQuietNames() {
    return repository.pruneLoginAttempts();
  }
}
