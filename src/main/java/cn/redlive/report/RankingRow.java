package cn.redlive.report;

import cn.redlive.sales.Growth;
import cn.redlive.sales.SalesFigures;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** One streamer or team in a ranking; UV value and conversion only where live sessions had viewers. */
record RankingRow(Long accountId, Long streamerId, Long teamId, String name, SalesFigures figures, Growth growth,
                  Long targetFen, long uniqueViewers, long buyers, long liveGmvFen) {

  static RankingRow from(Row r) {
    SalesFigures figures = SalesFigures.from(r);
    return new RankingRow(r.getLong("account_id"), r.getLong("streamer_id"), r.getLong("team_id"), r.getString("name"),
        figures, Growth.of(figures.netFen(), r.getLong("previous_net")), null, r.getLong("uv"), r.getLong("buyers"),
        r.getLong("live_gmv"));
  }

  RankingRow withTarget(Long fen) {
    return new RankingRow(accountId, streamerId, teamId, name, figures, growth, fen, uniqueViewers, buyers, liveGmvFen);
  }

  Integer attainmentBp() {
    return targetFen == null || targetFen <= 0 ? null : (int) Math.min(Integer.MAX_VALUE, figures.netFen() * 10000 / targetFen);
  }

  Long uvValueFen() {
    return uniqueViewers == 0 ? null : liveGmvFen / uniqueViewers;
  }

  Integer conversionBp() {
    return uniqueViewers == 0 ? null : (int) (buyers * 10000 / uniqueViewers);
  }

  /** The value a ranking sorts by, highest first; rows without the figure sort last. */
  double metric(String by) {
    return switch (by) {
      case "orders" -> figures.orders();
      case "growth" -> growth.sortKey();
      case "attainment" -> attainmentBp() == null ? -1 : attainmentBp();
      case "uvValue" -> uvValueFen() == null ? -1 : uvValueFen();
      case "conversion" -> conversionBp() == null ? -1 : conversionBp();
      default -> figures.netFen();
    };
  }

  JsonObject toJson(int rank) {
    return new JsonObject().put("rank", rank).put("streamerAccountId", accountId).put("streamerId", streamerId)
        .put("teamId", teamId).put("name", name).put("orders", figures.orders()).put("refunds", figures.refunds())
        .put("grossFen", figures.grossFen()).put("netFen", figures.netFen()).put("growth", growth.toJson())
        .put("targetFen", targetFen).put("attainmentBp", attainmentBp()).put("uniqueViewers", uniqueViewers)
        .put("buyers", buyers).put("uvValueFen", uvValueFen()).put("conversionBp", conversionBp());
  }
}
