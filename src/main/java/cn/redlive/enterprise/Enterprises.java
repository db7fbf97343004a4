package cn.redlive.enterprise;

import cn.redlive.platform.BaseDays;
import cn.redlive.sales.Growth;
import cn.redlive.sales.Period;
import cn.redlive.sales.SalesFigures;
import cn.redlive.sales.SalesTotals;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Resident enterprises, their brands and incubation, and how their sales grow. */
public final class Enterprises {

  private final EnterpriseRepository repository;
  private final SalesTotals totals;
  private final Clock clock;

  Enterprises(EnterpriseRepository repository, SalesTotals totals, Clock clock) {
    this.repository = repository;
    this.totals = totals;
    this.clock = clock;
  }

  public Future<List<Enterprise>> list(Boolean resident) {
    return repository.list(resident);
  }

  public Future<JsonObject> listJson(Boolean resident) {
    return list(resident).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(e -> items.add(e.toJson(today())));
      return new JsonObject().put("items", items);
    });
  }

  public Future<JsonObject> get(long id) {
    return repository.find(id).compose(found -> {
      Enterprise e = found.orElseThrow(() -> ProblemException.notFound("There is no enterprise " + id + "."));
      YearMonth month = YearMonth.from(today());
      Period now = new Period(month.atDay(1), today());
      return Future.all(totals.byScope(SalesTotals.Scope.ENTERPRISE, now), totals.byScope(SalesTotals.Scope.ENTERPRISE, now.yearEarlier()))
          .map(both -> {
            long current = net(both.resultAt(0), id);
            long previous = net(both.resultAt(1), id);
            return e.toJson(today()).put("thisMonth", new JsonObject().put("netFen", current)
                .put("sameMonthLastYear", Growth.of(current, previous).toJson()));
          });
    });
  }

  /** Each enterprise's net GMV of a month (so far) against the same days last year and the month before. */
  public Future<JsonObject> growth(YearMonth month) {
    Period now = Period.monthSoFar(month, clock);
    var all = repository.list(null);
    var current = totals.byScope(SalesTotals.Scope.ENTERPRISE, now);
    var lastYear = totals.byScope(SalesTotals.Scope.ENTERPRISE, now.yearEarlier());
    var lastMonth = totals.byScope(SalesTotals.Scope.ENTERPRISE, now.monthsEarlier(1));
    return Future.all(all, current, lastYear, lastMonth).map(done -> {
      JsonArray items = new JsonArray();
      for (Enterprise e : all.result()) {
        long net = net(current.result(), e.id());
        items.add(new JsonObject().put("id", e.id()).put("name", e.name()).put("resident", e.resident())
            .put("incubationState", e.state(today())).put("figures", current.result().getOrDefault(e.id(), SalesFigures.NONE).toJson())
            .put("sameMonthLastYear", Growth.of(net, net(lastYear.result(), e.id())).toJson())
            .put("previousMonth", Growth.of(net, net(lastMonth.result(), e.id())).toJson()));
      }
      return new JsonObject().put("month", month.toString()).put("from", now.from().toString()).put("to", now.to().toString())
          .put("items", items);
    });
  }

  Clock clock() {
    return clock;
  }

  private static long net(Map<Long, SalesFigures> figures, long id) {
    return figures.getOrDefault(id, SalesFigures.NONE).netFen();
  }

  public Future<JsonObject> create(JsonObject body) {
    EnterpriseFields fields = EnterpriseFields.from(body);
    return repository.insert(fields).compose(id -> id.map(this::get).orElseGet(() -> Future.failedFuture(
        ProblemException.conflict("enterprise-name-taken", "A resident enterprise named " + fields.name() + " exists."))));
  }

  public Future<JsonObject> update(long id, JsonObject body) {
    EnterpriseFields fields = EnterpriseFields.from(body);
    return repository.nameTaken(fields.name(), id).compose(taken -> {
      if (taken) throw ProblemException.conflict("enterprise-name-taken", "Another enterprise is named " + fields.name() + ".");
      return repository.update(id, fields);
    }).compose(updated -> updated ? get(id) : Future.failedFuture(ProblemException.notFound("There is no enterprise " + id + ".")));
  }

  public Future<Void> linkBrand(long enterpriseId, long brandId) {
    return repository.linkBrand(enterpriseId, brandId).compose(linked -> linked ? Future.succeededFuture()
        : Future.failedFuture(ProblemException.notFound("There is no enterprise " + enterpriseId + " or brand " + brandId + ".")));
  }

  private LocalDate today() {
    return BaseDays.today(clock);
  }
}
