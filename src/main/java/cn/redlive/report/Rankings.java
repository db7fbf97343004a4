package cn.redlive.report;

import cn.redlive.platform.Rows;
import cn.redlive.sales.Period;
import cn.redlive.target.Targets;
import cn.redlive.web.StreamingJson;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Streamers or teams ranked over a period by GMV, orders, growth, target attainment, UV value or conversion. */
public final class Rankings {

  /** {@code today} (a business day) decides what a period still running compares with. */
  public record Request(Period period, String of, String by, boolean yearEarlier, int limit, LocalDate today) {
  }

  public record Ranked(Request request, List<RankingRow> rows) {
  }

  /** What a ranking's rows depend on; the order and the limit are applied to them per request. */
  private record Key(Period period, boolean teams, Period before) {
  }

  private final ReportRepository repository;
  private final Targets targets;
  private final ReportVersionRepository versions;
  private final ReportCache<Key, List<RankingRow>> cache = new ReportCache<>(1_000);
  private final ReportCache<Request, Buffer> bodies = new ReportCache<>(500);

  Rankings(ReportRepository repository, ReportVersionRepository versions, Targets targets) {
    this.repository = repository;
    this.targets = targets;
    this.versions = versions;
  }

  public Future<Ranked> rank(Request request) {
    return versionOf(request).compose(version -> rank(request, version));
  }

  /** The ranking as the JSON the API answers, encoded once per version. */
  public Future<Buffer> rankAsJson(Request request) {
    return versionOf(request).compose(version -> bodies.get(request, version,
        () -> rank(request, version).map(ranked -> StreamingJson.encode(toJson(ranked)))));
  }

  private Future<Long> versionOf(Request request) {
    return versions.ofPeriods(request.period(), before(request));
  }

  /** What growth compares with: 同比 or 环比 of the days of the period that have come (see {@link Period#upTo}). */
  private static Period before(Request request) {
    Period soFar = request.period().upTo(request.today());
    return request.yearEarlier() ? soFar.yearEarlier() : soFar.previousComparable();
  }

  private Future<Ranked> rank(Request request, long version) {
    Key key = new Key(request.period(), "team".equals(request.of()), before(request));
    return cache.get(key, version, () -> rows(key))
        .map(rows -> new Ranked(request, rows.stream()
            .sorted(Comparator.comparingDouble((RankingRow r) -> r.metric(request.by())).reversed()
                .thenComparing(RankingRow::name, Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(request.limit())
            .toList()));
  }

  /** Every streamer's or team's figures with their targets, unordered. */
  private Future<List<RankingRow>> rows(Key key) {
    Period period = key.period();
    Period before = key.before();
    boolean teams = key.teams();
    var rows = repository.ranking(teams, period, before).map(found -> Rows.all(found, RankingRow::from));
    var goals = targets.gmvTargets(teams ? "team" : "streamer", period);
    return Future.all(rows, goals).map(done -> {
      Map<Long, Long> targetFen = goals.result();
      return rows.result().stream().map(r -> r.withTarget(targetFen.get(teams ? r.teamId() : r.streamerId()))).toList();
    });
  }

  static JsonObject toJson(Ranked ranked) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < ranked.rows().size(); i++) items.add(ranked.rows().get(i).toJson(i + 1));
    Request r = ranked.request();
    return new JsonObject().put("from", r.period().from().toString()).put("to", r.period().to().toString())
        .put("of", r.of()).put("by", r.by()).put("comparedWith", comparedWith(r)).put("items", items);
  }

  /** Which period growth compares with, and its name: 同比 a year earlier, 环比 the calendar months before. */
  static JsonObject comparedWith(Request r) {
    Period before = before(r);
    String basis = r.yearEarlier() ? "same_month_last_year"
        : r.period().upTo(r.today()).calendarMonths() > 0 ? "previous_month" : "previous_period";
    String label = switch (basis) {
      case "same_month_last_year" -> "同比（去年同期）";
      case "previous_month" -> "环比（上一自然月同期）";
      default -> "较上一等长周期";
    };
    return new JsonObject().put("from", before.from().toString()).put("to", before.to().toString())
        .put("basis", basis).put("label", label);
  }
}
