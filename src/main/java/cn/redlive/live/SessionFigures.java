package cn.redlive.live;

import cn.redlive.core.JsonView;
import cn.redlive.sales.LiveOrders;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A session's figures: live from Redis, or settled in PostgreSQL, by the definitions of the README's metrics table.
 * Orders and GMV count paid orders only; refundFen (zero or negative) is what refunds took back, so net GMV =
 * gmvFen + refundFen. Conversion is buyers / unique viewers in basis points, UV value GMV / unique viewers in fen,
 * GPM GMV per 1,000 views in fen, average watch time watch seconds / unique viewers (all 0 without a denominator).
 */
record SessionFigures(long sessionId, int peakViewers, int uniqueViewers, long views, long likes, int newFans,
                      int comments, int shares, int orders, int buyers, long gmvFen, long refundFen,
                      long watchSeconds) implements JsonView {

  static SessionFigures from(Row row) {
    return new SessionFigures(row.getLong("session_id"), row.getInteger("peak_viewers"), row.getInteger("unique_viewers"),
        row.getLong("views"), row.getLong("likes"), row.getInteger("new_fans"), row.getInteger("comments"),
        row.getInteger("shares"), row.getInteger("orders"), row.getInteger("buyers"), row.getLong("gmv_fen"),
        row.getLong("refund_fen"), row.getLong("watch_seconds"));
  }

  int avgWatchSeconds() {
    return uniqueViewers == 0 ? 0 : (int) (watchSeconds / uniqueViewers);
  }

  int conversionBp() {
    return uniqueViewers == 0 ? 0 : (int) Math.min(10_000, (long) buyers * 10_000 / uniqueViewers);
  }

  long uvValueFen() {
    return uniqueViewers == 0 ? 0 : gmvFen / uniqueViewers;
  }

  long gpmFen() {
    return views == 0 ? 0 : (long) (gmvFen * 1000.0 / views);
  }

  SessionFigures withLedger(LiveOrders.SessionTotals ledger) {
    return new SessionFigures(sessionId, peakViewers, uniqueViewers, views, likes, newFans, comments, shares,
        (int) ledger.orders(), (int) ledger.buyers(), ledger.gmvFen(), ledger.refundFen(), watchSeconds);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("peakViewers", peakViewers)
        .put("uniqueViewers", uniqueViewers)
        .put("views", views)
        .put("likes", likes)
        .put("newFans", newFans)
        .put("comments", comments)
        .put("shares", shares)
        .put("orders", orders)
        .put("buyers", buyers)
        .put("gmvFen", gmvFen)
        .put("refundFen", refundFen)
        .put("netGmvFen", gmvFen + refundFen)
        .put("avgWatchSeconds", avgWatchSeconds())
        .put("conversionBp", conversionBp())
        .put("uvValueFen", uvValueFen())
        .put("gpmFen", gpmFen());
  }
}
