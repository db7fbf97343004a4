package cn.redlive.enterprise;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Incubation terms end on the last day they include")
class IncubationTermTest {

  @ParameterizedTest(name = "{0} + {1} months ends on {2}")
  @DisplayName("a term of n months ends the day before the same day n months later, or on a short month's last day")
  @CsvSource({
      "2025-11-30, 3, 2026-02-28",
      "2025-11-29, 3, 2026-02-28",
      "2025-11-28, 3, 2026-02-27",
      "2026-01-31, 1, 2026-02-28",
      "2027-11-30, 3, 2028-02-29",
      "2026-03-01, 1, 2026-03-31",
      "2026-01-15, 3, 2026-04-14",
      "2026-01-15, 12, 2027-01-14",
      "2025-08-31, 6, 2026-02-28"})
  void lastDay(LocalDate start, int months, LocalDate end) {
    assertEquals(end, Enterprise.lastDayOf(start, months));
  }
}
