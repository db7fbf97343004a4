package cn.redlive.report;

import cn.redlive.platform.BaseDays;
import cn.redlive.sales.Period;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

/** The manager overview's own read models: today's GMV hour by hour against yesterday, and who moved most this month. */
final class OverviewFigures {

  static final int MOVERS = 5;

  private final ReportRepository repository;
  private final Rankings rankings;
  private final Clock clock;

  OverviewFigures(ReportRepository repository, Rankings rankings, Clock clock) {
    this.repository = repository;
    this.rankings = rankings;
    this.clock = clock;
  }

  /**
   * 24 hours of today and of yesterday (Beijing time); today's hours still to come are null, not zero, and the hour
   * running now is named, so that a chart marks it as partial instead of showing a dive.
   */
  Future<JsonObject> gmvByHour() {
    Instant now = clock.instant();
    ZonedDateTime here = now.atZone(BaseDays.ZONE);
    LocalDate today = here.toLocalDate();
    LocalDate yesterday = today.minusDays(1);
    int currentHour = here.getHour();
    return repository.gmvByHour(yesterday.atStartOfDay(BaseDays.ZONE).toInstant(), now.plusSeconds(1)).map(rows -> {
      long[][] fen = new long[2][24];
      long[][] orders = new long[2][24];
      for (Row r : rows) {
        int day = today.equals(r.getLocalDate("day")) ? 0 : 1;
        fen[day][r.getInteger("hour")] += r.getLong("gmv_fen");
        orders[day][r.getInteger("hour")] += r.getLong("orders");
      }
      JsonArray hours = new JsonArray();
      long todaySoFar = 0;
      long yesterdaySameTime = 0;
      for (int h = 0; h < 24; h++) {
        boolean come = h <= currentHour;
        if (come) {
          todaySoFar += fen[0][h];
          yesterdaySameTime += fen[1][h];
        }
        hours.add(new JsonObject().put("hour", h)
            .put("todayFen", come ? fen[0][h] : null).put("todayOrders", come ? orders[0][h] : null)
            .put("yesterdayFen", fen[1][h]).put("yesterdayOrders", orders[1][h]));
      }
      long yesterdayTotal = 0;
      for (long f : fen[1]) yesterdayTotal += f;
      return new JsonObject().put("day", today.toString()).put("yesterday", yesterday.toString())
          .put("partialHour", currentHour).put("todayFen", todaySoFar).put("yesterdaySameTimeFen", yesterdaySameTime)
          .put("yesterdayFen", yesterdayTotal).put("hours", hours);
    });
  }

  /**
   * The streamers and the teams whose net GMV changed most this month so far against the same days of last month
   * (环比), in fen: the biggest rises and the biggest falls, each list largest change first.
   */
  Future<JsonObject> movers() {
    LocalDate today = BaseDays.today(clock);
    Period month = Period.monthSoFar(YearMonth.from(today), clock);
    var streamers = rankings.rank(new Rankings.Request(month, "streamer", "gmv", false, Integer.MAX_VALUE, today));
    var teams = rankings.rank(new Rankings.Request(month, "team", "gmv", false, Integer.MAX_VALUE, today));
    return Future.all(streamers, teams).map(done -> new JsonObject()
        .put("from", month.from().toString()).put("to", month.to().toString())
        .put("comparedWith", Rankings.comparedWith(streamers.result().request()))
        .put("streamers", moved(streamers.result().rows())).put("teams", moved(teams.result().rows())));
  }

  private static JsonObject moved(List<RankingRow> rows) {
    Comparator<RankingRow> byChange = Comparator.comparingLong(OverviewFigures::change);
    return new JsonObject()
        .put("rises", each(rows.stream().filter(r -> change(r) > 0).sorted(byChange.reversed()).limit(MOVERS).toList()))
        .put("falls", each(rows.stream().filter(r -> change(r) < 0).sorted(byChange).limit(MOVERS).toList()));
  }

  private static long change(RankingRow r) {
    return r.growth().currentFen() - r.growth().previousFen();
  }

  private static JsonArray each(List<RankingRow> rows) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < rows.size(); i++) out.add(rows.get(i).toJson(i + 1).put("changeFen", change(rows.get(i))));
    return out;
  }
}
