package cn.redlive.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Committing imports of one brand run one after the other, in the order they were uploaded; those of other brands
 * and dry runs start at once. A waiting import waits here, as a queued job, instead of on one of the few import
 * threads: there, blocked on the brand's import lock, it kept another brand's import from starting. The lock
 * ({@link ProductWrites}) still makes the brand's imports take turns across several servers.
 */
final class BrandCommitQueue {

  private final Consumer<ImportRun.Order> run;
  /** For each brand with a commit running: the commits uploaded after it. */
  private final Map<Long, Deque<ImportRun.Order>> waiting = new HashMap<>();

  BrandCommitQueue(Consumer<ImportRun.Order> run) {
    this.run = run;
  }

  void submit(ImportRun.Order order) {
    if (!order.dryRun()) {
      synchronized (waiting) {
        Deque<ImportRun.Order> behind = waiting.get(order.brandId());
        if (behind != null) {
          behind.add(order);
          return;
        }
        waiting.put(order.brandId(), new ArrayDeque<>());
      }
    }
    run.accept(order);
  }

  /** Called when an import has ended, however it ended: starts the brand's next commit, if one waits. */
  void finished(ImportRun.Order order) {
    if (order.dryRun()) return;
    ImportRun.Order next;
    synchronized (waiting) {
      next = waiting.get(order.brandId()).poll();
      if (next == null) waiting.remove(order.brandId());
    }
    if (next != null) run.accept(next);
  }
}
