package cn.redlive.target;

import cn.redlive.platform.BaseDays;
import cn.redlive.sales.Growth;
import cn.redlive.sales.Period;
import cn.redlive.sales.SalesFigures;
import cn.redlive.sales.SalesTotals;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Monthly targets and their progress, read from the sales rollups. */
public final class Targets {

  private final TargetRepository repository;
  private final SalesTotals totals;
  private final Clock clock;

  Targets(TargetRepository repository, SalesTotals totals, Clock clock) {
    this.repository = repository;
    this.totals = totals;
    this.clock = clock;
  }

  Future<TargetRepository.GoalCounts> goalCounts() {
    return repository.goalCounts();
  }

  SalesTotals totals() {
    return totals;
  }

  Clock clock() {
    return clock;
  }

  public Future<List<TargetProgress>> progress(YearMonth month, String scope) {
    return repository.list(month, month, scope).compose(targets -> progressOf(targets, month));
  }

  public Future<JsonObject> progressJson(YearMonth month, String scope) {
    return progress(month, scope).map(list -> new JsonObject().put("month", month.toString())
        .put("items", new JsonArray(list.stream().map(TargetProgress::toJson).toList())));
  }

  /** This month's targets that trail the share of the month already gone, worst attainment first. */
  public Future<JsonObject> behind(YearMonth month) {
    return progress(month, null).map(list -> new JsonObject().put("month", month.toString())
        .put("expectedShareBp", expectedShareBp(month))
        .put("items", new JsonArray(list.stream().filter(TargetProgress::behind)
            .sorted(Comparator.comparing(p -> p.attainmentBp() == null ? 0 : p.attainmentBp()))
            .map(TargetProgress::toJson).toList())));
  }

  /** The sum of GMV targets per scope id over the months a period touches (for attainment in rankings). */
  public Future<Map<Long, Long>> gmvTargets(String scope, Period period) {
    return repository.list(YearMonth.from(period.from()), YearMonth.from(period.to()), scope).map(list -> {
      Map<Long, Long> sums = new HashMap<>();
      list.stream().filter(t -> t.gmvFen() != null)
          .forEach(t -> sums.merge(t.scopeId() == null ? SalesTotals.BASE : t.scopeId(), t.gmvFen(), Long::sum));
      return sums;
    });
  }

  public Future<JsonObject> set(JsonObject body, long managerId) {
    String scope = body.getString("scope");
    Long scopeId = body.getLong("scopeId");
    YearMonth month = Period.parseMonth("month", body.getString("month"));
    Long gmv = body.getLong("gmvFen");
    Integer growth = body.getInteger("growthBp");
    String basis = body.getString("growthBasis");
    if ("base".equals(scope) != (scopeId == null)) {
      throw ProblemException.invalidField("scopeId", "base targets have no scopeId; the others need one");
    }
    if (gmv == null && growth == null) throw ProblemException.invalidField("gmvFen", "give a GMV target, a growth target or both");
    if ((growth == null) != (basis == null)) {
      throw ProblemException.invalidField("growthBasis", "a growth target needs its basis (previous_month or same_month_last_year)");
    }
    return repository.scopeExists(scope, scopeId)
        .compose(found -> found ? repository.upsert(scope, scopeId, month.atDay(1), gmv, growth, basis, managerId)
            : Future.failedFuture(ProblemException.notFound("There is no " + scope + " " + scopeId + ".")))
        .compose(target -> progressOf(List.of(target), month))
        .map(list -> list.get(0).toJson());
  }

  /** The month's target of one streamer, team or enterprise, if it has one. */
  public Future<java.util.Optional<TargetProgress>> progressOf(String scope, long scopeId, YearMonth month) {
    SalesTotals.Scope sales = SalesTotals.Scope.valueOf(scope.toUpperCase(Locale.ROOT));
    return repository.find(scope, scopeId, month.atDay(1)).compose(found -> found.isEmpty()
        ? Future.succeededFuture(java.util.Optional.empty())
        : progressOf(List.of(found.get()), month, (s, period) -> totals.one(sales, scopeId, period))
            .map(list -> java.util.Optional.of(list.get(0))));
  }

  private Future<List<TargetProgress>> progressOf(List<Target> targets, YearMonth month) {
    return progressOf(targets, month, totals::byScope);
  }

  private Future<List<TargetProgress>> progressOf(List<Target> targets, YearMonth month,
      java.util.function.BiFunction<SalesTotals.Scope, Period, Future<Map<Long, SalesFigures>>> figuresOf) {
    Period now = Period.monthSoFar(month, clock);
    Map<String, Future<Map<Long, SalesFigures>>> figures = new HashMap<>();
    for (Target t : targets) {
      SalesTotals.Scope scope = SalesTotals.Scope.valueOf(t.scope().toUpperCase(Locale.ROOT));
      int back = t.basisMonths();
      figures.computeIfAbsent(t.scope() + "/0", k -> figuresOf.apply(scope, now));
      figures.computeIfAbsent(t.scope() + "/" + back, k -> figuresOf.apply(scope, now.monthsEarlier(back)));
      figures.computeIfAbsent(t.scope() + "/" + back + "/whole", k -> figuresOf.apply(scope, Period.of(month.minusMonths(back))));
    }
    MonthGone gone = monthGone(month);
    return Future.all(new ArrayList<>(figures.values())).map(done -> {
      List<TargetProgress> list = new ArrayList<>();
      for (Target t : targets) {
        long key = t.scopeId() == null ? SalesTotals.BASE : t.scopeId();
        String basis = t.scope() + "/" + t.basisMonths();
        long actual = net(figures.get(t.scope() + "/0"), key);
        long sameDaysBefore = net(figures.get(basis), key);
        long wholeBasisMonth = net(figures.get(basis + "/whole"), key);
        Long effective = t.gmvFen() != null ? t.gmvFen()
            : wholeBasisMonth > 0 ? grown(wholeBasisMonth, t.growthBp()) : null;
        list.add(new TargetProgress(t, actual, effective, dueByNow(t, sameDaysBefore, gone), Growth.of(actual, sameDaysBefore)));
      }
      return list;
    });
  }

  /** Days of the month gone out of its length: all of a past month, none of a future one. */
  record MonthGone(int days, int length) {
  }

  MonthGone monthGone(YearMonth month) {
    LocalDate today = BaseDays.today(clock);
    YearMonth current = YearMonth.from(today);
    int length = month.lengthOfMonth();
    if (month.isBefore(current)) return new MonthGone(length, length);
    if (month.isAfter(current)) return new MonthGone(0, length);
    return new MonthGone(today.getDayOfMonth(), length);
  }

  /**
   * What the month so far should have reached. A GMV target counts pro rata by days gone; a growth target is the
   * same days of the basis month grown by the percentage, already month-to-date, so not scaled again. Nothing is due
   * before a month begins, and a growth target over an empty basis has no figure to trail.
   */
  static Long dueByNow(Target t, long sameDaysBefore, MonthGone gone) {
    if (gone.days() == 0) return null;
    Long byGmv = t.gmvFen() == null ? null
        : BigInteger.valueOf(t.gmvFen()).multiply(BigInteger.valueOf(gone.days()))
            .add(BigInteger.valueOf(gone.length() - 1L)).divide(BigInteger.valueOf(gone.length())).longValueExact();
    Long byGrowth = t.growthBp() == null || sameDaysBefore <= 0 ? null : grown(sameDaysBefore, t.growthBp());
    if (byGmv == null) return byGrowth;
    return byGrowth == null ? byGmv : Math.max(byGmv, byGrowth);
  }

  /** fen grown by bp basis points, rounded up: a target is met only by reaching it in whole fen. */
  static long grown(long fen, int bp) {
    BigInteger scaled = BigInteger.valueOf(fen).multiply(BigInteger.valueOf(10000L + bp));
    BigInteger[] qr = scaled.divideAndRemainder(BigInteger.valueOf(10000));
    return qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
  }

  private static long net(Future<Map<Long, SalesFigures>> figures, long key) {
    return figures.result().getOrDefault(key, SalesFigures.NONE).netFen();
  }

  /** How much of the month is gone, in basis points (shown beside the list of targets behind). */
  int expectedShareBp(YearMonth month) {
    MonthGone gone = monthGone(month);
    return gone.days() * 10000 / gone.length();
  }
}
