package cn.redlive.party;

import cn.redlive.web.ProblemException;

import java.time.LocalDate;
import java.time.Period;
import java.util.function.ToDoubleFunction;

/**
 * The rules of 《中国共产党发展党员工作细则》 the base enforces. Every step, back-dated or not, is checked against
 * the record as it stood before it; a refusal is a 422 problem whose type names the rule.
 */
final class PartyRules {

  static final int ADULT_AGE = 18;
  static final double REQUIRED_TRAINING_HOURS = 24;
  static final int MIN_EXTENSION_MONTHS = 6;
  static final int MAX_EXTENSION_MONTHS = 12;
  static final int APPROVAL_LIMIT_MONTHS = 6;

  /** What the rules need beyond the record: the streamer's birth date, today, and course hours done by a date. */
  record Context(LocalDate birthDate, LocalDate today, ToDoubleFunction<LocalDate> courseHoursBy) {
  }

  private PartyRules() {
  }

  static void check(PartyRecord record, PartyStep step, Context context) {
    LocalDate on = step.on();
    if (on.isAfter(context.today())) refuse("step-in-future", "A step cannot be dated after today (" + context.today() + ").");
    checkStage(record, step.kind());
    if (record.lastStepOn() != null && on.isBefore(record.lastStepOn())) {
      refuse("step-out-of-order", "Steps are recorded in date order; the last one is dated " + record.lastStepOn() + ".");
    }
    switch (step.kind()) {
      case APPLICATION -> checkAge(on, context.birthDate());
      case TALK -> {
        if (record.on(StepKind.TALK) != null) refuse("talk-already-held", "The talk with the applicant is already recorded.");
      }
      case DEVELOPMENT_TARGET -> checkReadyForTarget(record, on, context);
      case BRANCH_MEETING -> checkVotes(step);
      case APPROVAL -> checkApproval(record, on);
      case EXTENSION -> checkExtension(record, step.months());
      case FULL_MEMBERSHIP -> checkProbationOver(record, on);
      default -> {
      }
    }
  }

  private static void checkStage(PartyRecord record, StepKind kind) {
    Stage stage = record.stage();
    if (stage == Stage.FULL_MEMBER || stage == Stage.CANCELLED) {
      refuse("record-closed", "The record is closed (" + stage.code() + "); no further steps are recorded.");
    }
    if (kind.allowedIn().contains(stage)) return;
    Stage target = kind.leadsTo();
    if (target == null) {
      refuse("step-not-allowed-in-stage", "A " + kind.code() + " step is not recorded in stage " + stage.code() + ".");
    }
    if (stage.order() >= target.order()) {
      refuse("stage-already-reached", "The record is already at stage " + stage.code() + ".");
    }
    refuse("stage-skipped", "Stage " + target.code() + " cannot follow " + stage.code() + "; no stage may be skipped.");
  }

  private static void checkAge(LocalDate on, LocalDate birthDate) {
    if (Period.between(birthDate, on).getYears() < ADULT_AGE) {
      refuse("applicant-under-18", "An applicant must be at least " + ADULT_AGE + " years old on the application date.");
    }
  }

  private static void checkReadyForTarget(PartyRecord record, LocalDate on, Context context) {
    LocalDate activistOn = record.on(StepKind.ACTIVIST);
    if (!on.isAfter(activistOn.plusYears(1))) {
      refuse("activist-less-than-one-year", "An activist becomes a development target only after more than one year "
          + "(activist since " + activistOn + ", so from " + activistOn.plusYears(1).plusDays(1) + ").");
    }
    double hours = record.trainingStepHours() + context.courseHoursBy().applyAsDouble(on);
    if (hours < REQUIRED_TRAINING_HOURS) {
      refuse("training-hours-insufficient", "At least " + (int) REQUIRED_TRAINING_HOURS
          + " class hours of concentrated training are required by then; " + hours + " are recorded.");
    }
  }

  /** More than half of those entitled to vote present, and yes votes from more than half of those entitled. */
  private static void checkVotes(PartyStep step) {
    int entitled = step.requiredDetail("entitledVoters");
    int present = step.requiredDetail("present");
    int yes = step.requiredDetail("yesVotes");
    if (present > entitled || yes > present) {
      throw ProblemException.invalidField("details", "needs yesVotes <= present <= entitledVoters");
    }
    if (present * 2 <= entitled) refuse("branch-meeting-quorum", "More than half of the voting members must be present.");
    if (yes * 2 <= entitled) refuse("branch-meeting-majority", "Yes votes must exceed half of the members entitled to vote.");
  }

  private static void checkApproval(PartyRecord record, LocalDate on) {
    if (record.on(StepKind.APPROVAL) != null) refuse("approval-already-given", "The higher committee has already approved.");
    LocalDate limit = record.on(StepKind.BRANCH_MEETING).plusMonths(APPROVAL_LIMIT_MONTHS);
    if (on.isAfter(limit)) {
      refuse("approval-deadline-passed", "Approval must come within " + APPROVAL_LIMIT_MONTHS
          + " months of the branch meeting (by " + limit + ").");
    }
  }

  private static void checkExtension(PartyRecord record, Integer months) {
    if (record.extensionMonths() != null) refuse("probation-already-extended", "Probation can be extended only once.");
    if (months == null || months < MIN_EXTENSION_MONTHS || months > MAX_EXTENSION_MONTHS) {
      refuse("extension-out-of-range", "An extension lasts " + MIN_EXTENSION_MONTHS + " to " + MAX_EXTENSION_MONTHS + " months.");
    }
  }

  private static void checkProbationOver(PartyRecord record, LocalDate on) {
    if (record.on(StepKind.APPROVAL) == null) {
      refuse("approval-missing", "The higher committee must approve the probationary member first.");
    }
    if (on.isBefore(record.probationEndsOn())) {
      refuse("probation-not-over", "Probation lasts until " + record.probationEndsOn() + ".");
    }
  }

  private static void refuse(String rule, String detail) {
    throw ProblemException.ruleViolated(rule, detail);
  }
}
