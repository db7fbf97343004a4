package cn.redlive.tools;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Sends request i at start + i/rate whatever happened before (open loop) and counts its latency from that intended
 * time, so a server that falls behind shows its backlog instead of being offered less load (no coordinated omission).
 * The first {@link #WARM_UP_SECONDS} run at the same rate unmeasured: the generator's own JIT and connection set-up
 * would otherwise show up as the server's tail latency.
 */
final class OpenLoop {

  /** What a run measured; latencies in nanoseconds, up to ten minutes. */
  record Result(Histogram latency, long failures, long completed, double seconds) {

    double p50Ms() {
      return latency.getValueAtPercentile(50) / 1e6;
    }

    double p99Ms() {
      return latency.getValueAtPercentile(99) / 1e6;
    }
  }

  static final int WARM_UP_SECONDS = 3;

  private OpenLoop() {
  }

  /** {@code send.apply(i)} sends request i and completes with its HTTP status; anything but 200 is a failure. */
  static Result run(Vertx vertx, int seconds, int rate, IntFunction<Future<Integer>> send) throws InterruptedException {
    int warmUp = WARM_UP_SECONDS * rate;
    int total = warmUp + seconds * rate;
    Histogram latency = new Histogram(600_000_000_000L, 3);
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    AtomicLong next = new AtomicLong();
    // one timer per millisecond releases the requests whose intended time has come
    long timer = vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      while (next.get() < total && start + next.get() * intervalNanos <= now) {
        int i = (int) next.getAndIncrement();
        long intended = start + i * intervalNanos;
        send.apply(i).onComplete(result -> {
          if (i >= warmUp) {
            synchronized (latency) {
              latency.recordValue(Math.min(System.nanoTime() - intended, latency.getHighestTrackableValue()));
            }
            if (result.failed() || result.result() != 200) failures.incrementAndGet();
          }
          done.countDown();
        });
      }
    });
    done.await(WARM_UP_SECONDS + seconds + 120L, TimeUnit.SECONDS);
    vertx.cancelTimer(timer);
    double measuredSeconds = (System.nanoTime() - start) / 1e9 - WARM_UP_SECONDS;
    return new Result(latency, failures.get(), Math.max(0, total - done.getCount() - warmUp), measuredSeconds);
  }
}
