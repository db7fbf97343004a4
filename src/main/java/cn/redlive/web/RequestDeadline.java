package cn.redlive.web;

import cn.redlive.core.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.TimeUnit;

/**
 * Answers 503 for an API request that has no response after the configured time: a paused or hung PostgreSQL
 * cannot hold a client forever. Streams (server-sent events, exports) have written their head by then and are
 * left alone; a handler finishing later finds the response ended and writes nothing.
 *
 * <p>A timer per request cost a trivial request about a tenth of its CPU (Netty's scheduled-task heap and
 * Vert.x's close hooks, once to set and once to cancel). Instead each event loop keeps its requests in flight in
 * arrival order, a linked list with constant-time removal when a request ends, and one periodic sweep fails those
 * past their deadline. The deadline then holds to within a tenth of the timeout (at least 10 ms late, never early).
 */
public final class RequestDeadline implements Handler<RoutingContext> {

  private final long timeoutMs;
  private final long timeoutNanos;
  /** The key of each event loop's {@link InFlight} in its context data. */
  private final Object key = new Object();

  public RequestDeadline(long timeoutMs) {
    this.timeoutMs = timeoutMs;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    Context context = rc.vertx().getOrCreateContext();
    if (timeoutMs > 0 && context.isEventLoopContext()) {
      InFlight inFlight = context.get(key);
      if (inFlight == null) {
        inFlight = new InFlight();
        context.put(key, inFlight);
        InFlight sweeping = inFlight;
        rc.vertx().setPeriodic(Math.max(10, timeoutMs / 10), id -> sweeping.failOverdue(System.nanoTime()));
      }
      Entry entry = inFlight.add(rc, System.nanoTime() + timeoutNanos);
      InFlight owner = inFlight;
      rc.addEndHandler(done -> owner.remove(entry));
    }
    rc.next();
  }

  private final class Entry {
    final RoutingContext rc;
    final long deadlineNanos;
    Entry previous;
    Entry next;
    boolean listed = true;

    Entry(RoutingContext rc, long deadlineNanos) {
      this.rc = rc;
      this.deadlineNanos = deadlineNanos;
    }
  }

  /** One event loop's requests in flight, oldest first; touched only by that loop's thread. */
  private final class InFlight {
    private Entry oldest;
    private Entry newest;

    Entry add(RoutingContext rc, long deadlineNanos) {
      Entry entry = new Entry(rc, deadlineNanos);
      entry.previous = newest;
      if (newest == null) oldest = entry;
      else newest.next = entry;
      newest = entry;
      return entry;
    }

    void remove(Entry entry) {
      if (!entry.listed) return;
      entry.listed = false;
      if (entry.previous == null) oldest = entry.next;
      else entry.previous.next = entry.next;
      if (entry.next == null) newest = entry.previous;
      else entry.next.previous = entry.previous;
      entry.previous = entry.next = null;
    }

    /** The timeout is the same for all, so arrival order is deadline order: stop at the first one not yet due. */
    void failOverdue(long nowNanos) {
      while (oldest != null && oldest.deadlineNanos - nowNanos <= 0) {
        Entry overdue = oldest;
        remove(overdue);
        if (!overdue.rc.response().headWritten() && !overdue.rc.response().ended()) {
          overdue.rc.fail(ProblemException.unavailable("The request took longer than " + timeoutMs + " ms; try again shortly."));
        }
      }
    }
  }
}
