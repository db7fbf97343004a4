package cn.redlive.account;

/**
 * How much password checking one instance does at once (see config/application.yaml, auth.*).
 *
 * @param freeFailedLogins failed logins per name before each further attempt has to wait
 * @param hashingThreads   threads that hash passwords; 0 means half the cores
 * @param perName          logins of one name checked at once
 * @param perAddress       logins from one client address checked at once
 */
public record LoginLimits(int freeFailedLogins, int hashingThreads, int perName, int perAddress) {

  /**
   * Logins waiting for or in a check before more are refused: 32 per hashing thread, at least 64. Waiting costs the
   * event loops nothing, while a refused client that retries at once keeps them busy answering 429s.
   */
  int waitingAtMost() {
    return Math.max(64, threads() * 32);
  }

  int threads() {
    return hashingThreads > 0 ? hashingThreads : PasswordWork.defaultThreads();
  }
}
