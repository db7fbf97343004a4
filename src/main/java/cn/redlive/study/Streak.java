package cn.redlive.study;

import java.time.LocalDate;
import java.util.List;

/** Consecutive Asia/Shanghai days with study, ending today, or yesterday when today has none yet. */
final class Streak {

  private Streak() {
  }

  /** {@code daysDescending}: distinct study days on or before {@code asOf}, newest first. */
  static int length(List<LocalDate> daysDescending, LocalDate asOf) {
    if (daysDescending.isEmpty()) return 0;
    LocalDate expected = daysDescending.get(0).equals(asOf) ? asOf : asOf.minusDays(1);
    int streak = 0;
    for (LocalDate day : daysDescending) {
      if (!day.equals(expected)) break;
      streak++;
      expected = expected.minusDays(1);
    }
    return streak;
  }
}
