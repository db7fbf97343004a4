package cn.redlive.report;

import cn.redlive.platform.Rows;
import cn.redlive.sales.Period;
import cn.redlive.target.Targets;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Streamers or teams ranked over a period by GMV, orders, growth, target attainment, UV value or conversion. */
public final class Rankings {

  public record Request(Period period, String of, String by, boolean yearEarlier, int limit) {
  }

  public record Ranked(Request request, List<RankingRow> rows) {
  }

  private final Pool pool;
  private final Targets targets;

  public Rankings(Pool pool, Targets targets) {
    this.pool = pool;
    this.targets = targets;
  }

  public Future<Ranked> rank(Request request) {
    Period period = request.period();
    Period before = request.yearEarlier() ? period.yearEarlier() : period.previous();
    boolean teams = "team".equals(request.of());
    Tuple args = Tuple.from(new Object[] {period.from(), period.to(), before.from(), before.to(),
        period.start().atOffset(ZoneOffset.UTC), period.end().atOffset(ZoneOffset.UTC)});
    var rows = pool.preparedQuery(teams ? ReportQueries.TEAM_RANKING : ReportQueries.STREAMER_RANKING).execute(args)
        .map(found -> Rows.all(found, RankingRow::from));
    var goals = targets.gmvTargets(teams ? "team" : "streamer", period);
    return Future.all(rows, goals).map(done -> {
      Map<Long, Long> targetFen = goals.result();
      List<RankingRow> ranked = rows.result().stream()
          .map(r -> r.withTarget(targetFen.get(teams ? r.teamId() : r.streamerId())))
          .sorted(Comparator.comparingDouble((RankingRow r) -> r.metric(request.by())).reversed()
              .thenComparing(RankingRow::name, Comparator.nullsLast(Comparator.naturalOrder())))
          .limit(request.limit())
          .toList();
      return new Ranked(request, ranked);
    });
  }

  static JsonObject toJson(Ranked ranked) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < ranked.rows().size(); i++) items.add(ranked.rows().get(i).toJson(i + 1));
    Request r = ranked.request();
    return new JsonObject().put("from", r.period().from().toString()).put("to", r.period().to().toString())
        .put("of", r.of()).put("by", r.by()).put("items", items);
  }
}
