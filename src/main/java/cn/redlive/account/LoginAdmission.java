package cn.redlive.account;

import cn.redlive.core.ProblemException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many logins this instance checks at once: per username, per client address and in all. A login beyond a limit
 * is refused at once (429) instead of waiting for the hashing pool, so a flood from one address or at one name
 * cannot fill the queue that everybody else's logins wait in. The shared, durable limit is {@link LoginThrottle}.
 */
final class LoginAdmission {

  /** Lets the login go again; call exactly once. */
  interface Ticket {
    void release();
  }

  private final int perAccount;
  private final int perAddress;
  private final int total;
  private final ConcurrentHashMap<String, Integer> byAccount = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  LoginAdmission(int perAccount, int perAddress, int total) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.total = total;
  }

  /** A ticket, or a 429 problem when a limit is reached. */
  Ticket enter(String usernameKey, String address) {
    if (inFlight.incrementAndGet() > total) {
      inFlight.decrementAndGet();
      throw busy();
    }
    if (!take(byAccount, usernameKey, perAccount)) {
      inFlight.decrementAndGet();
      throw busy();
    }
    if (!take(byAddress, address, perAddress)) {
      give(byAccount, usernameKey);
      inFlight.decrementAndGet();
      throw busy();
    }
    return () -> {
      give(byAddress, address);
      give(byAccount, usernameKey);
      inFlight.decrementAndGet();
    };
  }

  private static boolean take(ConcurrentHashMap<String, Integer> counts, String key, int limit) {
    boolean[] taken = {false};
    counts.compute(key, (k, count) -> {
      int current = count == null ? 0 : count;
      if (current >= limit) return count;
      taken[0] = true;
      return current + 1;
    });
    return taken[0];
  }

  private static void give(ConcurrentHashMap<String, Integer> counts, String key) {
    // entries at zero go, so a spray of random names leaves nothing behind
    counts.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
  }

  private static ProblemException busy() {
    return ProblemException.tooManyRequests("too-many-concurrent-logins",
        "Too many logins are being checked at once for this name or address; try again in a second.", 1);
  }
}
