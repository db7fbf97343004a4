package cn.redlive.sales;

import cn.redlive.core.JsonView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ledger's door for live sessions: live books the orders of its ingest batches here and reads a session's
 * orders back, the record of truth for its settled orders, buyers and GMV. Booking is idempotent by order id: a
 * retried batch gets its own orders answered as its own, a batch bringing another's order learns who owns it.
 */
public final class LiveOrders {

  /** An order a live ingest batch (producer, sequence) brings. */
  public record Booking(String orderId, long sessionId, long productId, int quantity, long amountFen,
                        Instant orderedAt, String buyerId, String producerId, long sequence) {
  }

  /** The batch (producer, sequence) that owns an order id; sequence -1 for an order no batch brought. */
  public record Owner(String orderId, String producerId, long sequence) {
  }

  /** A session's paid orders, their GMV, what refunds took back (zero or negative) and distinct paying buyers. */
  public record SessionTotals(long orders, long gmvFen, long refundFen, long buyers) {
  }

  /** One product's share of a session. */
  public record ProductSales(long productId, long orders, long quantity, long gmvFen, long refundFen)
      implements JsonView {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("productId", productId).put("orders", orders).put("quantity", quantity)
          .put("gmvFen", gmvFen).put("refundFen", refundFen);
    }
  }

  /** What the ledger holds of a session besides one batch: paid orders, GMV, each producer's last sequence. */
  public record Booked(long orders, long gmvFen, Map<String, Long> lastSequences) {
  }

  private final LiveOrderRepository repository;
  private final OrderGroupCommit groupCommit;

  LiveOrders(LiveOrderRepository repository) {
    this.repository = repository;
    this.groupCommit = new OrderGroupCommit(repository);
  }

  /**
   * Books the orders of sessions that are live, each once by order id, and answers the owner of each order id once
   * they are committed; an order of a session that is not live is not booked and has no owner in the answer.
   */
  public Future<List<Owner>> book(List<Booking> orders) {
    return groupCommit.write(orders);
  }

  public Future<SessionTotals> totalsOf(long sessionId) {
    return repository.totals(sessionId);
  }

  /** Products of a session, highest GMV first. */
  public Future<List<ProductSales>> productsOf(long sessionId) {
    return repository.products(sessionId);
  }

  /** What a rebuild of the session's live state starts from, leaving out the batch being applied. */
  public Future<Booked> bookedBesides(long sessionId, String producerId, long sequence) {
    return repository.bookedBesides(sessionId, producerId, sequence);
  }
}
