package cn.redlive.catalog;

import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Database writes of an import's worker thread kept in flight, at most {@code limit} at a time, so the database
 * works on one while the next is parsed and sent; completions are handled in submission order, on this thread.
 */
final class InFlight<T> {

  private record Pending<T>(Future<T> future, Consumer<T> then) {
  }

  private final int limit;
  private final Deque<Pending<T>> pending = new ArrayDeque<>();

  InFlight(int limit) {
    this.limit = limit;
  }

  void submit(Future<T> future, Consumer<T> then) {
    if (pending.size() >= limit) collect();
    pending.add(new Pending<>(future, then));
  }

  void drain() {
    while (!pending.isEmpty()) collect();
  }

  /**
   * Waits for every write still in flight, ignoring its outcome: a write composed of several statements (a probe,
   * then the insert it gates) must not send its next statement after the transaction was rolled back, where it would
   * run on its own and commit.
   */
  void abandon() {
    while (!pending.isEmpty()) ImportRun.await(pending.poll().future().recover(failed -> Future.succeededFuture()));
  }

  private void collect() {
    Pending<T> oldest = pending.poll();
    oldest.then().accept(ImportRun.await(oldest.future()));
  }
}
