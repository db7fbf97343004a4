package cn.redlive.sales;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** Orders and refunds of some scope and period, from the rollups; refundFen is negative, net = gross + refunds. */
public record SalesFigures(long orders, long refunds, long grossFen, long refundFen) {

  public static final SalesFigures NONE = new SalesFigures(0, 0, 0, 0);

  public long netFen() {
    return grossFen + refundFen;
  }

  /** Reads the columns orders, refunds, gross_fen, refund_fen (sums may be null over no rows). */
  public static SalesFigures from(Row row) {
    return new SalesFigures(orZero(row.getLong("orders")), orZero(row.getLong("refunds")),
        orZero(row.getLong("gross_fen")), orZero(row.getLong("refund_fen")));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  public JsonObject toJson() {
    return new JsonObject().put("orders", orders).put("refunds", refunds).put("grossFen", grossFen)
        .put("refundFen", refundFen).put("netFen", netFen());
  }
}
