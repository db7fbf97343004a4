package cn.redlive.live;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A session's figures: live from Redis, or settled in PostgreSQL. Conversion is buyers / unique viewers in basis
 * points; UV value is GMV / unique viewers in fen (both 0 without viewers, never a division by zero).
 */
record SessionFigures(long sessionId, int peakViewers, int uniqueViewers, long likes, int newFans, int comments,
                      int shares, int orders, int buyers, long gmvFen, long watchSeconds) implements JsonView {

  static SessionFigures from(Row row) {
    return new SessionFigures(row.getLong("session_id"), row.getInteger("peak_viewers"), row.getInteger("unique_viewers"),
        row.getLong("likes"), row.getInteger("new_fans"), row.getInteger("comments"), row.getInteger("shares"),
        row.getInteger("orders"), row.getInteger("buyers"), row.getLong("gmv_fen"), row.getLong("watch_seconds"));
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

  SessionFigures withLedger(long ledgerOrders, long ledgerGmv, long ledgerBuyers) {
    return new SessionFigures(sessionId, peakViewers, uniqueViewers, likes, newFans, comments, shares,
        (int) ledgerOrders, (int) ledgerBuyers, ledgerGmv, watchSeconds);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("peakViewers", peakViewers)
        .put("uniqueViewers", uniqueViewers)
        .put("likes", likes)
        .put("newFans", newFans)
        .put("comments", comments)
        .put("shares", shares)
        .put("orders", orders)
        .put("buyers", buyers)
        .put("gmvFen", gmvFen)
        .put("avgWatchSeconds", avgWatchSeconds())
        .put("conversionBp", conversionBp())
        .put("uvValueFen", uvValueFen());
  }
}
