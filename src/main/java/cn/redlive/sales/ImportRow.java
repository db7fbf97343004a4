package cn.redlive.sales;

import java.time.Instant;

/**
 * One valid-looking row of a sales CSV before ids are resolved: productId, or brandId + sku, names the product;
 * amountFen is null for a refund or cancellation of whatever remains of the order.
 */
record ImportRow(int row, String orderId, String kind, String refundOf, Instant orderedAt, String streamer,
                 Long productId, Long brandId, String sku, int quantity, Long amountFen, String channel) {

  boolean isOrder() {
    return "order".equals(kind);
  }
}
