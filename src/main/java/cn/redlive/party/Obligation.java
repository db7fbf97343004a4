package cn.redlive.party;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Something owed on a record by a date: the talk within a month of the application, the six-monthly activist
 * assessment, the filings with the higher committee, the pre-review after the branch committee's review, the higher
 * committee's approval within three months of the branch meeting, the conversion (or extension) when the probation
 * year is up, and the filing of the records after conversion. It shows as "due" from {@link #DUE_SOON_DAYS} days
 * before the date, "overdue" after it.
 */
record Obligation(String kind, LocalDate dueOn) {

  static final int DUE_SOON_DAYS = 14;
  /** The 细则 asks for filings and the pre-review without a fixed term; the base gives itself one month. */
  static final int PROMPTLY_MONTHS = 1;
  static final String DUE = "due";
  static final String OVERDUE = "overdue";

  static final List<String> KINDS = List.of("talk", "activist_filing", "assessment", "target_filing", "pre_review",
      "approval", "probation_filing", "probation_end", "archiving");

  static List<Obligation> of(PartyRecord record) {
    List<Obligation> owed = new ArrayList<>();
    switch (record.stage()) {
      case APPLICANT -> owedUnless(owed, record, StepKind.TALK, "talk", record.on(StepKind.APPLICATION).plusMonths(1));
      case ACTIVIST -> {
        promptly(owed, record, StepKind.ACTIVIST_FILING, StepKind.ACTIVIST);
        LocalDate last = record.has(StepKind.ASSESSMENT) ? record.on(StepKind.ASSESSMENT) : record.on(StepKind.ACTIVIST);
        owed.add(new Obligation("assessment", last.plusMonths(6)));
      }
      case DEVELOPMENT_TARGET -> {
        promptly(owed, record, StepKind.TARGET_FILING, StepKind.DEVELOPMENT_TARGET);
        if (record.has(StepKind.COMMITTEE_REVIEW)) promptly(owed, record, StepKind.PRE_REVIEW, StepKind.COMMITTEE_REVIEW);
      }
      case PROBATIONARY -> {
        owedUnless(owed, record, StepKind.APPROVAL, "approval", record.on(StepKind.BRANCH_MEETING).plusMonths(3));
        if (record.has(StepKind.APPROVAL)) promptly(owed, record, StepKind.PROBATION_FILING, StepKind.APPROVAL);
        owed.add(new Obligation("probation_end", record.probationEndsOn()));
      }
      case FULL_MEMBER -> promptly(owed, record, StepKind.ARCHIVING, StepKind.CONVERSION_APPROVAL);
      default -> {
      }
    }
    return owed;
  }

  /** {@code owedStep} within a month of {@code after}, unless already recorded. */
  private static void promptly(List<Obligation> owed, PartyRecord record, StepKind owedStep, StepKind after) {
    LocalDate from = record.on(after);
    if (from != null) owedUnless(owed, record, owedStep, owedStep.code(), from.plusMonths(PROMPTLY_MONTHS));
  }

  private static void owedUnless(List<Obligation> owed, PartyRecord record, StepKind done, String kind, LocalDate dueOn) {
    if (!record.has(done)) owed.add(new Obligation(kind, dueOn));
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
