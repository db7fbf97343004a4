package cn.redlive.sales;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Growth compares calendar months and tests thresholds exactly")
class GrowthRulesTest {

  @Test
  @DisplayName("+20.003% is above 20% although it shows as 2000 basis points; exactly +20% is not above it")
  void thresholdNotRoundedAway() {
    Growth justAbove = Growth.of(12_000_300, 10_000_000);
    Growth exactly = Growth.of(12_000_000, 10_000_000);

    assertEquals(2000, justAbove.growthBp());
    assertTrue(justAbove.above(2000));
    assertFalse(exactly.above(2000));
    assertTrue(exactly.atLeast(2000));
    assertFalse(Growth.of(11_999_999, 10_000_000).atLeast(2000));
    assertTrue(Growth.of(1, 0).above(2000), "something from nothing is new, and counts as growth");
    assertFalse(Growth.of(0, 0).above(-10000), "nothing in either period is no growth at all");
  }

  @Test
  @DisplayName("growth of amounts near the largest fen does not overflow")
  void noOverflow() {
    assertTrue(Growth.of(Long.MAX_VALUE / 2, Long.MAX_VALUE / 4).above(9999));
  }

  @ParameterizedTest(name = "{0}..{1} compares with {2}..{3}")
  @DisplayName("环比 compares calendar months with calendar months, other spans with the same number of days before")
  @CsvSource({
      "2026-10-01, 2026-10-31, 2026-09-01, 2026-09-30",
      "2026-10-01, 2026-10-03, 2026-09-01, 2026-09-03",
      "2026-03-01, 2026-03-31, 2026-02-01, 2026-02-28",
      "2026-03-01, 2026-03-30, 2026-02-01, 2026-02-28",
      "2026-10-01, 2026-12-31, 2026-07-01, 2026-09-30",
      "2026-10-05, 2026-10-11, 2026-09-28, 2026-10-04"})
  void previousComparable(LocalDate from, LocalDate to, LocalDate beforeFrom, LocalDate beforeTo) {
    assertEquals(new Period(beforeFrom, beforeTo), new Period(from, to).previousComparable());
  }

  @ParameterizedTest(name = "{0}..{1} compares with {2}..{3}")
  @DisplayName("同比 is the same month a year earlier, February 29th included")
  @CsvSource({
      "2028-02-01, 2028-02-29, 2027-02-01, 2027-02-28",
      "2026-10-01, 2026-10-31, 2025-10-01, 2025-10-31"})
  void yearEarlier(LocalDate from, LocalDate to, LocalDate earlierFrom, LocalDate earlierTo) {
    assertEquals(new Period(earlierFrom, earlierTo), new Period(from, to).yearEarlier());
  }
}
