package cn.redlive.party;

import cn.redlive.core.ProblemException;

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
  static final int REQUIRED_TRAINING_DAYS = 3;
  static final int MIN_EXTENSION_MONTHS = 6;
  static final int MAX_EXTENSION_MONTHS = 12;
  static final int APPROVAL_LIMIT_MONTHS = 6;
  static final int MAX_CONTACTS = 2;
  static final int SPONSORS = 2;

  /** What the rules need beyond the record: the streamer's birth date, today, and verified course hours by a date. */
  record Context(LocalDate birthDate, LocalDate today, ToDoubleFunction<LocalDate> courseHoursBy) {
  }

  private PartyRules() {
  }

  static void check(PartyRecord record, PartyStep step, Context context) {
    LocalDate on = step.on();
    StepKind kind = step.kind();
    if (on.isAfter(context.today())) refuse("step-in-future", "A step cannot be dated after today (" + context.today() + ").");
    checkStage(record, kind);
    if (record.lastStepOn() != null && on.isBefore(record.lastStepOn())) {
      refuse("step-out-of-order", "Steps are recorded in date order; the last one is dated " + record.lastStepOn() + ".");
    }
    if (!kind.repeatable() && record.has(kind)) {
      refuse("step-already-recorded", "A " + kind.code() + " step is already on the record (" + record.on(kind) + ").");
    }
    for (StepKind required : kind.requires()) {
      if (!record.has(required)) {
        refuse(required.code().replace('_', '-') + "-missing",
            "A " + required.code() + " step must be recorded before a " + kind.code() + " step.");
      }
    }
    switch (kind) {
      case APPLICATION -> checkAge(on, context.birthDate());
      case CONTACTS -> step.requiredNames("contacts", 1, MAX_CONTACTS);
      case DEVELOPMENT_TARGET -> checkActivistYear(record, on);
      case SPONSORS -> step.requiredNames("sponsors", SPONSORS, SPONSORS);
      case POLITICAL_REVIEW -> step.requiredText("conclusion");
      case TRAINING -> checkTrainingStep(step);
      case COMMITTEE_REVIEW -> checkTrained(record, on, context);
      case BRANCH_MEETING, CONVERSION_MEETING -> {
        if (kind == StepKind.BRANCH_MEETING) checkTrained(record, on, context);
        else checkProbationOver(record, on);
        checkVotes(step);
      }
      case APPROVAL -> checkApproval(record, on);
      case EXTENSION -> checkExtension(record, step.months(), on);
      default -> {
      }
    }
  }

  /** How much concentrated training counts on a day: recorded hours plus verified course hours, and recorded days. */
  static double trainingHours(PartyRecord record, LocalDate on, Context context) {
    return record.trainingStepHours() + context.courseHoursBy().applyAsDouble(on);
  }

  static boolean trained(PartyRecord record, LocalDate on, Context context) {
    return trainingHours(record, on, context) >= REQUIRED_TRAINING_HOURS || record.trainingStepDays() >= REQUIRED_TRAINING_DAYS;
  }

  private static void checkStage(PartyRecord record, StepKind kind) {
    Stage stage = record.stage();
    if (stage == Stage.CANCELLED || (stage == Stage.FULL_MEMBER && kind != StepKind.ARCHIVING)) {
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

  private static void checkActivistYear(PartyRecord record, LocalDate on) {
    LocalDate activistOn = record.on(StepKind.ACTIVIST);
    if (!on.isAfter(activistOn.plusYears(1))) {
      refuse("activist-less-than-one-year", "An activist becomes a development target only after more than one year "
          + "(activist since " + activistOn + ", so from " + activistOn.plusYears(1).plusDays(1) + ").");
    }
  }

  private static void checkTrainingStep(PartyStep step) {
    boolean hours = step.hours() != null && step.hours() > 0;
    boolean days = step.days() != null && step.days() > 0;
    if (!hours && !days) throw ProblemException.invalidField("hours", "a training step needs its class hours or days");
  }

  /** The concentrated training comes before the branch committee's review and the branch meeting (细则 第十八条). */
  private static void checkTrained(PartyRecord record, LocalDate on, Context context) {
    if (!trained(record, on, context)) {
      refuse("training-insufficient", "Concentrated training of at least " + REQUIRED_TRAINING_DAYS + " days or "
          + (int) REQUIRED_TRAINING_HOURS + " class hours is required by then; " + trainingHours(record, on, context)
          + " hours and " + record.trainingStepDays() + " days are recorded.");
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
    LocalDate limit = record.on(StepKind.BRANCH_MEETING).plusMonths(APPROVAL_LIMIT_MONTHS);
    if (on.isAfter(limit)) {
      refuse("approval-deadline-passed", "Approval must come within " + APPROVAL_LIMIT_MONTHS
          + " months of the branch meeting (by " + limit + ").");
    }
  }

  /** The extension is decided when the probation year is up, not before (细则 第三十二条). */
  private static void checkExtension(PartyRecord record, Integer months, LocalDate on) {
    LocalDate yearUp = record.on(StepKind.BRANCH_MEETING).plusYears(1);
    if (on.isBefore(yearUp)) {
      refuse("extension-before-probation-end", "An extension is decided when the probation year is up (" + yearUp + ").");
    }
    if (months == null || months < MIN_EXTENSION_MONTHS || months > MAX_EXTENSION_MONTHS) {
      refuse("extension-out-of-range", "An extension lasts " + MIN_EXTENSION_MONTHS + " to " + MAX_EXTENSION_MONTHS + " months.");
    }
  }

  private static void checkProbationOver(PartyRecord record, LocalDate on) {
    if (on.isBefore(record.probationEndsOn())) {
      refuse("probation-not-over", "Probation lasts until " + record.probationEndsOn() + ".");
    }
  }

  private static void refuse(String rule, String detail) {
    throw ProblemException.ruleViolated(rule, detail);
  }
}
