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

  /** Logins waiting for or in a check, per hashing thread, before more are refused. */
  static final int WAITING_PER_THREAD = 16;

  int threads() {
    return hashingThreads > 0 ? hashingThreads : PasswordWork.defaultThreads();
  }
}
