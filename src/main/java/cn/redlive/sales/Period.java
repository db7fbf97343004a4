package cn.redlive.sales;

import cn.redlive.platform.BaseDays;
import cn.redlive.core.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A span of Asia/Shanghai business days, both ends included. */
public record Period(LocalDate from, LocalDate to) {

  public static final int MAX_DAYS = 731;

  /** The days from/to as a caller asked for them (either may be null): this month up to today by default. */
  public static Period asked(LocalDate from, LocalDate to, Clock clock) {
    LocalDate today = BaseDays.today(clock);
    if (from == null) from = (to == null ? today : to).withDayOfMonth(1);
    if (to == null) to = from.withDayOfMonth(1).equals(today.withDayOfMonth(1)) ? today : YearMonth.from(from).atEndOfMonth();
    if (to.isBefore(from)) throw ProblemException.invalidField("to", "must not be before from");
    if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) throw ProblemException.invalidField("to", "at most " + MAX_DAYS + " days after from");
    return new Period(from, to);
  }

  public static Period of(YearMonth month) {
    return new Period(month.atDay(1), month.atEndOfMonth());
  }

  /** The month a caller asked for (yyyy-MM in field {@code field}), this month when {@code raw} is null. */
  public static YearMonth askedMonth(String field, String raw, Clock clock) {
    if (raw == null) return YearMonth.from(BaseDays.today(clock));
    return parseMonth(field, raw);
  }

  public static YearMonth parseMonth(String field, String raw) {
    try {
      return YearMonth.parse(raw);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "must be a month like 2026-05");
    }
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of the same length just before this one. */
  public Period previous() {
    return new Period(from.minusDays(days()), from.minusDays(1));
  }

  /**
   * What 环比 compares with: for calendar months (whole, or the current one so far) the calendar months just before,
   * October with September, October 1-3 with September 1-3; for any other span the same number of days before.
   */
  public Period previousComparable() {
    int months = calendarMonths();
    return months > 0 ? monthsEarlier(months) : previous();
  }

  /** How many calendar months this period covers when it starts on a 1st and ends in a month's last day or in its first month; else 0. */
  public int calendarMonths() {
    if (from.getDayOfMonth() != 1) return 0;
    YearMonth first = YearMonth.from(from);
    YearMonth last = YearMonth.from(to);
    if (to.equals(last.atEndOfMonth())) return (int) ChronoUnit.MONTHS.between(first, last) + 1;
    return first.equals(last) ? 1 : 0;
  }

  public Period yearEarlier() {
    return monthsEarlier(12);
  }

  /** The same days {@code n} months earlier; a period ending on a month's last day ends on that month's last day. */
  public Period monthsEarlier(int n) {
    boolean monthEnd = to.equals(YearMonth.from(to).atEndOfMonth());
    LocalDate end = monthEnd ? YearMonth.from(to).minusMonths(n).atEndOfMonth() : to.minusMonths(n);
    return new Period(from.minusMonths(n), end);
  }

  /**
   * The days of this period that have come by {@code today}: a period still running ends today, so that growth
   * compares the month so far with the same days before (October asked on the 3rd is October 1-3), never the days
   * sold so far with a whole earlier month.
   */
  public Period upTo(LocalDate today) {
    return !today.isBefore(from) && today.isBefore(to) ? new Period(from, today) : this;
  }

  /** This month up to today, or the whole month when it is over. */
  public static Period monthSoFar(YearMonth month, Clock clock) {
    LocalDate today = BaseDays.today(clock);
    LocalDate end = month.atEndOfMonth();
    return new Period(month.atDay(1), today.isBefore(end) && !today.isBefore(month.atDay(1)) ? today : end);
  }

  /** First instant of the first day, as the base's clock reads it. */
  public Instant start() {
    return from.atStartOfDay(BaseDays.ZONE).toInstant();
  }

  /** First instant after the last day. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(BaseDays.ZONE).toInstant();
  }
}
