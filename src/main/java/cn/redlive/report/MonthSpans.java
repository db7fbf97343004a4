package cn.redlive.report;

import cn.redlive.sales.Period;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A period cut into the whole months it covers (read from the monthly rollup) and the days before and after them
 * (read from the daily one). Any of the three may be empty: an empty range has its start after its end.
 */
record MonthSpans(LocalDate monthsFrom, LocalDate monthsTo, LocalDate headFrom, LocalDate headTo, LocalDate tailFrom,
                  LocalDate tailTo) {

  static MonthSpans of(Period period) {
    LocalDate from = period.from();
    LocalDate to = period.to();
    LocalDate monthsFrom = from.getDayOfMonth() == 1 ? from : YearMonth.from(from).plusMonths(1).atDay(1);
    LocalDate monthsTo = to.equals(YearMonth.from(to).atEndOfMonth()) ? to : to.withDayOfMonth(1).minusDays(1);
    if (monthsFrom.isAfter(monthsTo)) return new MonthSpans(monthsFrom, monthsTo, from, to, to.plusDays(1), to);
    return new MonthSpans(monthsFrom, monthsTo, from, monthsFrom.minusDays(1), monthsTo.plusDays(1), to);
  }

  /** In the order {@link ReportRepository#salesOver} numbers them. */
  Object[] args() {
    return new Object[] {monthsFrom, monthsTo, headFrom, headTo, tailFrom, tailTo};
  }
}
