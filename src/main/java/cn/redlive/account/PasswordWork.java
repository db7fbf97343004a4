package cn.redlive.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every PBKDF2 hash and check runs here, on a few worker threads of its own. On the shared worker pool (20 threads)
 * a burst of logins took every core from the event loops and from health checks; here at most {@code threads}
 * hashes run at once and the rest wait in line, so authenticated requests and /health keep a core.
 * The meters show it: {@code redlive_password_checks_total} counts checks (decoys for unknown names included),
 * {@code redlive_password_hashing_concurrency} records how many ran side by side when each one started.
 */
final class PasswordWork {

  private final WorkerExecutor workers;
  private final int threads;
  private final AtomicInteger running = new AtomicInteger();
  private final Counter checks;
  private final DistributionSummary concurrency;

  PasswordWork(Vertx vertx, int threads, MeterRegistry registry) {
    this.threads = threads;
    this.workers = vertx.createSharedWorkerExecutor("redlive-password-hashing", threads);
    this.checks = Counter.builder("redlive_password_checks").description("password checks run (logins, decoys included)")
        .register(registry);
    this.concurrency = DistributionSummary.builder("redlive_password_hashing_concurrency")
        .description("password hashes running at once, seen as each one starts").register(registry);
    Gauge.builder("redlive_password_hashing_threads", () -> threads).register(registry);
  }

  /** Half the cores, at least one: the other half stays with the event loops. */
  static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  int threads() {
    return threads;
  }

  Future<String> hash(PasswordHasher hasher, String password) {
    return run(() -> hasher.hash(password));
  }

  Future<Boolean> verify(PasswordHasher hasher, String password, String stored) {
    return run(() -> {
      checks.increment();
      return hasher.verify(password, stored);
    });
  }

  private <T> Future<T> run(Callable<T> work) {
    return workers.executeBlocking(() -> {
      concurrency.record(running.incrementAndGet());
      try {
        return work.call();
      } finally {
        running.decrementAndGet();
      }
    }, false);
  }
}
