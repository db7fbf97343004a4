package cn.redlive.sales;

import cn.redlive.web.QueryParams;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.YearMonth;

/** Reads a {@link Period} or a month from the query string, for routes; services get the plain values. */
public final class PeriodParams {

  private PeriodParams() {
  }

  /** from/to query parameters; this month up to today by default. */
  public static Period fromQuery(RoutingContext rc, Clock clock) {
    return Period.asked(QueryParams.optionalDate(rc, "from"), QueryParams.optionalDate(rc, "to"), clock);
  }

  /** The month parameter (yyyy-MM), this month by default. */
  public static YearMonth monthFromQuery(RoutingContext rc, String name, Clock clock) {
    return Period.askedMonth(name, QueryParams.text(rc, name), clock);
  }
}
