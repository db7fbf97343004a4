package cn.redlive.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition that the system reaches on its own (a job finishing, a server becoming ready): probes
 * until the answer satisfies {@code done}, backing off from 10 ms to 200 ms, and fails with the last answer
 * after {@code patience}. The one place tests poll, instead of fixed sleeps.
 */
public final class Eventually {

  private Eventually() {
  }

  public static <T> T await(String what, Duration patience, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + patience.toNanos();
    long pauseNanos = 10_000_000L;
    T last = null;
    while (true) {
      last = probe.get();
      if (done.test(last)) return last;
      if (System.nanoTime() >= deadline) throw new AssertionError(what + " did not happen within " + patience + "; last: " + last);
      LockSupport.parkNanos(pauseNanos);
      if (Thread.interrupted()) throw new AssertionError("interrupted while waiting until " + what);
      pauseNanos = Math.min(pauseNanos * 2, 200_000_000L);
    }
  }
}
