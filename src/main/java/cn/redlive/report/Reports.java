package cn.redlive.report;

import cn.redlive.platform.BaseDays;
import cn.redlive.sales.Period;
import cn.redlive.sales.SalesFigures;
import cn.redlive.target.TargetProgress;
import cn.redlive.target.Targets;
import cn.redlive.core.ProblemException;
import cn.redlive.web.StreamingJson;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/** The streamer page, the team comparison, the streamer's own view and the brand partner's view. */
public final class Reports {

  static final int BEST_PRODUCTS = 10;
  static final int SESSIONS = 10;

  /** What a streamer's sales view depends on besides the data: its subject, its months and the day it is read. */
  private record SalesKey(long accountId, Long streamerId, YearMonth now, int months, LocalDate today) {
  }

  private final ReportRepository repository;
  private final Targets targets;
  private final PeoplePanel people;
  private final Clock clock;
  private final ReportVersionRepository versions;
  private final ReportCache<SalesKey, JsonObject> sales = new ReportCache<>(2_000);
  private final ReportCache<PageKey, Buffer> pages = new ReportCache<>(2_000);

  Reports(ReportRepository repository, ReportVersionRepository versions, Targets targets, PeoplePanel people, Clock clock) {
    this.repository = repository;
    this.targets = targets;
    this.people = people;
    this.clock = clock;
    this.versions = versions;
  }

  Clock clock() {
    return clock;
  }

  /** What a manager's streamer page depends on besides the data. */
  private record PageKey(long streamerId, int months, LocalDate today) {
  }

  /**
   * For managers: sales beside the streamer's screening, Party stage and study progress, as the JSON the API
   * answers. The whole page is kept under the streamer's version, which covers the people features' tables too
   * (V47), so a page read twice costs one query.
   */
  public Future<Buffer> streamerPage(long streamerId, int months) {
    PageKey key = new PageKey(streamerId, months, today());
    return versions.ofStreamer(streamerId).compose(found -> pages.get(key, found.version(),
        () -> computePage(key, found.accountId()).map(StreamingJson::encode)));
  }

  private Future<JsonObject> computePage(PageKey key, Long accountId) {
    var review = people.reviewOf(key.streamerId());
    var sales = accountId == null ? Future.succeededFuture(noSales())
        : computeSalesOf(new SalesKey(accountId, key.streamerId(), YearMonth.from(key.today()), key.months(), key.today()));
    return Future.all(review, sales).map(done -> sales.result().mergeIn(review.result()));
  }

  /** For the streamer: today's figures and live sessions, this month's sales, target, sessions, best products. */
  public Future<JsonObject> mySales(long accountId) {
    return people.streamerIdOf(accountId).compose(streamerId -> salesOf(accountId, streamerId, YearMonth.from(today()), 1))
        .compose(view -> {
          LocalDate today = today();
          Period day = new Period(today, today);
          var todays = repository.periodOfAccount(accountId, day);
          var live = repository.sessionsOfAccount(accountId, day, day, SESSIONS);
          return Future.all(todays, live).map(done -> view.put("today", ReportRows.figures(todays.result().iterator().next())
              .put("day", today.toString()).put("sessions", ReportRows.each(live.result(), ReportRows::session))));
        });
  }

  /** A copy of the cached view, since callers add to it. */
  private Future<JsonObject> salesOf(long accountId, Long streamerId, YearMonth now, int months) {
    SalesKey key = new SalesKey(accountId, streamerId, now, months, today());
    return versions.ofAccount(accountId).compose(version -> sales.get(key, version, () -> computeSalesOf(key)))
        .map(JsonObject::copy);
  }

  private Future<JsonObject> computeSalesOf(SalesKey key) {
    long accountId = key.accountId();
    Long streamerId = key.streamerId();
    YearMonth now = key.now();
    int months = key.months();
    LocalDate today = key.today();
    Period month = Period.monthSoFar(now, clock);
    Period trend = new Period(now.minusMonths(months - 1L).atDay(1), today);
    var monthly = repository.monthsOfAccount(accountId, trend);
    var sessions = repository.sessionsOfAccount(accountId, trend, month, SESSIONS);
    var best = repository.bestProductsOfAccount(accountId, month, BEST_PRODUCTS);
    Future<Optional<TargetProgress>> target = streamerId == null ? Future.succeededFuture(Optional.empty())
        : targets.progressOf("streamer", streamerId, now);
    return Future.all(monthly, sessions, best, target).map(done -> {
      JsonArray byMonth = ReportRows.each(monthly.result(), r -> ReportRows.figures(r).put("month", r.getString("month")));
      return new JsonObject().put("months", byMonth).put("thisMonth", monthOf(byMonth, now))
          .put("target", target.result().map(TargetProgress::toJson).orElse(null))
          .put("sessions", ReportRows.each(sessions.result(), ReportRows::session))
          .put("bestProducts", ReportRows.each(best.result(), ReportRows::product));
    });
  }

  /** The trend ends today, so its row for this month is this month so far (no row: nothing sold yet). */
  private static JsonObject monthOf(JsonArray byMonth, YearMonth month) {
    for (int i = byMonth.size() - 1; i >= 0; i--) {
      if (month.toString().equals(byMonth.getJsonObject(i).getString("month"))) return byMonth.getJsonObject(i).copy();
    }
    return SalesFigures.NONE.toJson().put("month", month.toString());
  }

  private static JsonObject noSales() {
    return new JsonObject().put("months", new JsonArray()).put("thisMonth", SalesFigures.NONE.toJson())
        .put("target", null).put("sessions", new JsonArray()).put("bestProducts", new JsonArray());
  }

  /** Teams side by side, with each team's daily net GMV for a chart. */
  public Future<JsonObject> compareTeams(Rankings rankings, Period period) {
    var ranked = rankings.rank(new Rankings.Request(period, "team", "gmv", false, 500, today()));
    var days = repository.teamDays(period);
    return Future.all(ranked, days).map(done -> Rankings.toJson(ranked.result())
        .put("days", ReportRows.each(days.result(), r -> new JsonObject().put("day", r.getLocalDate("business_day").toString())
            .put("teamId", r.getLong("team_id")).put("netFen", r.getLong("net")))));
  }

  /** A partner's own brand only: by day, by streamer, by product. */
  public Future<JsonObject> brandSales(long partnerAccountId, Period period) {
    return people.brandOf(partnerAccountId).compose(brandId -> {
      if (brandId == null) throw ProblemException.notFound("This account speaks for no brand.");
      var days = repository.brandDays(brandId, period);
      var streamers = repository.brandStreamers(brandId, period);
      var products = repository.brandProducts(brandId, period);
      return Future.all(days, streamers, products).map(done -> {
        long[] total = new long[4];
        JsonArray byDay = ReportRows.each(days.result(), r -> {
          SalesFigures f = SalesFigures.from(r);
          total[0] += f.orders();
          total[1] += f.refunds();
          total[2] += f.grossFen();
          total[3] += f.refundFen();
          return f.toJson().put("day", r.getLocalDate("business_day").toString());
        });
        return new JsonObject().put("brandId", brandId).put("from", period.from().toString()).put("to", period.to().toString())
            .put("total", new SalesFigures(total[0], total[1], total[2], total[3]).toJson()).put("byDay", byDay)
            .put("byStreamer", ReportRows.each(streamers.result(), r -> ReportRows.figures(r)
                .put("streamerAccountId", r.getLong("streamer_account_id")).put("name", r.getString("name"))))
            .put("byProduct", ReportRows.each(products.result(), r -> ReportRows.figures(r)
                .put("productId", r.getLong("product_id")).put("name", r.getString("name")).put("sku", r.getString("sku"))
                .put("quantity", r.getLong("quantity"))));
      });
    });
  }

  private LocalDate today() {
    return BaseDays.today(clock);
  }
}
