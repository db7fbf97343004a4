package cn.redlive.party;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Something owed on a record by a date: the talk within a month of the application, the six-monthly activist
 * assessment, the higher committee's approval within three months of the branch meeting, and the decision when the
 * probation year is up. It shows as "due" from {@link #DUE_SOON_DAYS} days before the date, "overdue" after it.
 */
record Obligation(String kind, LocalDate dueOn) {

  static final int DUE_SOON_DAYS = 14;
  static final String DUE = "due";
  static final String OVERDUE = "overdue";

  static List<Obligation> of(PartyRecord record) {
    List<Obligation> owed = new ArrayList<>();
    switch (record.stage()) {
      case APPLICANT -> {
        if (record.on(StepKind.TALK) == null) {
          owed.add(new Obligation("talk", record.on(StepKind.APPLICATION).plusMonths(1)));
        }
      }
      case ACTIVIST -> {
        LocalDate last = record.on(StepKind.ASSESSMENT) != null ? record.on(StepKind.ASSESSMENT) : record.on(StepKind.ACTIVIST);
        owed.add(new Obligation("assessment", last.plusMonths(6)));
      }
      case PROBATIONARY -> {
        if (record.on(StepKind.APPROVAL) == null) {
          owed.add(new Obligation("approval", record.on(StepKind.BRANCH_MEETING).plusMonths(3)));
        }
        owed.add(new Obligation("probation_end", record.probationEndsOn()));
      }
      default -> {
      }
    }
    return owed;
  }

  /** The last date before which nothing shows: obligations due on or before {@code asOf} plus the window. */
  static LocalDate horizon(LocalDate asOf) {
    return asOf.plusDays(DUE_SOON_DAYS);
  }

  /** "due", "overdue", or null when not yet in view on {@code asOf}. */
  static String statusOn(LocalDate dueOn, LocalDate asOf) {
    if (asOf.isAfter(dueOn)) return OVERDUE;
    return horizon(asOf).isBefore(dueOn) ? null : DUE;
  }
}
