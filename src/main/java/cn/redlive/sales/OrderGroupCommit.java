package cn.redlive.sales;

import cn.redlive.platform.SqlStates;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the orders of concurrent ingest batches to the PostgreSQL ledger together (group commit done by the
 * application). A batch that finds a free slot goes out at once; batches arriving while {@link #MAX_IN_FLIGHT}
 * statements run wait for one of them and then go out together as one INSERT: one transaction and one WAL flush
 * for all of them instead of one each, which is what the ledger cost per batch was (a commit waits for fsync).
 * Every batch is answered only after the statement holding its orders committed, so an acknowledgement still means
 * durable. A failed group is retried batch by batch, so one bad batch cannot fail the others.
 */
final class OrderGroupCommit {

  static final int MAX_IN_FLIGHT = 2;

  private record Pending(List<LiveOrders.Booking> orders, Promise<List<LiveOrders.Owner>> answer) {
  }

  private final LiveOrderRepository repository;
  /** Guards queue and inFlight: batches arrive on every event loop. */
  private final Object lock = new Object();
  private List<Pending> queue = new ArrayList<>();
  private int inFlight;

  OrderGroupCommit(LiveOrderRepository repository) {
    this.repository = repository;
  }

  /** The owner of each order id once the orders are committed (see {@link LiveOrderRepository#insert}). */
  Future<List<LiveOrders.Owner>> write(List<LiveOrders.Booking> orders) {
    Context context = Vertx.currentContext();
    Promise<List<LiveOrders.Owner>> answer = Promise.promise();
    List<Pending> group = null;
    synchronized (lock) {
      queue.add(new Pending(orders, answer));
      if (inFlight < MAX_IN_FLIGHT) {
        inFlight++;
        group = takeQueue();
      }
    }
    if (group != null) run(group);
    return context == null ? answer.future() : backOn(context, answer.future());
  }

  /** The caller continues on its own context, whichever thread ran the statement of its group. */
  private static <T> Future<T> backOn(Context context, Future<T> future) {
    Promise<T> there = Promise.promise();
    future.onComplete(result -> context.runOnContext(v -> there.handle(result)));
    return there.future();
  }

  private List<Pending> takeQueue() {
    List<Pending> taken = queue;
    queue = new ArrayList<>();
    return taken;
  }

  /** Runs a group, then whatever queued meanwhile, until nothing waits. */
  private void run(List<Pending> group) {
    execute(group).onComplete(done -> {
      List<Pending> next = null;
      synchronized (lock) {
        if (queue.isEmpty()) inFlight--;
        else next = takeQueue();
      }
      if (next != null) run(next);
    });
  }

  private Future<Void> execute(List<Pending> group) {
    if (group.size() == 1) return alone(group.get(0));
    List<LiveOrders.Booking> all = new ArrayList<>();
    group.forEach(p -> all.addAll(p.orders()));
    return repository.insert(all).transform(result -> {
      if (result.failed()) return Future.join(group.stream().map(this::alone).toList()).mapEmpty();
      // every batch gets all owners; it looks up only its own order ids
      group.forEach(p -> p.answer().complete(result.result()));
      return Future.succeededFuture();
    });
  }

  private Future<Void> alone(Pending pending) {
    return insertRetryingDeadlocks(pending.orders(), DEADLOCK_RETRIES).onComplete(pending.answer()).mapEmpty();
  }

  /** PostgreSQL breaks a deadlock by failing one side (40P01); the statement is safe to run again as it is. */
  static final int DEADLOCK_RETRIES = 3;

  private Future<List<LiveOrders.Owner>> insertRetryingDeadlocks(List<LiveOrders.Booking> orders, int retriesLeft) {
    return repository.insert(orders).recover(e -> retriesLeft > 0 && SqlStates.isDeadlock(e)
        ? insertRetryingDeadlocks(orders, retriesLeft - 1) : Future.failedFuture(e));
  }
}
