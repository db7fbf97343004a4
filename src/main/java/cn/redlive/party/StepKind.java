package cn.redlive.party;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The 25 steps of 《中国共产党发展党员工作细则》 in their order, each in one of its five stages ({@link #phase}), plus
 * the two outcomes of a probation that are not numbered steps (extension, cancellation). A step either moves the
 * record into {@link #leadsTo} or is allowed only {@link #allowedIn} certain stages; {@link #requires} names the steps
 * that must already be on the record, each refusal naming the missing one ({@code <step>-missing}).
 */
enum StepKind {
  APPLICATION(1, 1, "application", Stage.APPLICANT, EnumSet.of(Stage.NONE), List.of(), false),
  TALK(2, 1, "talk", null, EnumSet.of(Stage.APPLICANT), List.of(), false),
  ACTIVIST(3, 2, "activist", Stage.ACTIVIST, EnumSet.of(Stage.APPLICANT), List.of("talk"), false),
  ACTIVIST_FILING(4, 2, "activist_filing", null, EnumSet.of(Stage.ACTIVIST), List.of(), false),
  CONTACTS(5, 2, "contacts", null, EnumSet.of(Stage.ACTIVIST, Stage.DEVELOPMENT_TARGET), List.of(), true),
  ASSESSMENT(6, 2, "assessment", null, EnumSet.of(Stage.ACTIVIST, Stage.DEVELOPMENT_TARGET), List.of(), true),
  DEVELOPMENT_TARGET(7, 3, "development_target", Stage.DEVELOPMENT_TARGET, EnumSet.of(Stage.ACTIVIST), List.of(), false),
  TARGET_FILING(8, 3, "target_filing", null, EnumSet.of(Stage.DEVELOPMENT_TARGET), List.of(), false),
  SPONSORS(9, 3, "sponsors", null, EnumSet.of(Stage.DEVELOPMENT_TARGET), List.of(), false),
  POLITICAL_REVIEW(10, 3, "political_review", null, EnumSet.of(Stage.DEVELOPMENT_TARGET), List.of(), false),
  TRAINING(11, 3, "training", null, EnumSet.of(Stage.ACTIVIST, Stage.DEVELOPMENT_TARGET), List.of(), true),
  COMMITTEE_REVIEW(12, 4, "committee_review", null, EnumSet.of(Stage.DEVELOPMENT_TARGET), List.of(), false),
  PRE_REVIEW(13, 4, "pre_review", null, EnumSet.of(Stage.DEVELOPMENT_TARGET), List.of("committee_review"), false),
  APPLICATION_FORM(14, 4, "application_form", null, EnumSet.of(Stage.DEVELOPMENT_TARGET), List.of("pre_review"), false),
  BRANCH_MEETING(15, 4, "branch_meeting", Stage.PROBATIONARY, EnumSet.of(Stage.DEVELOPMENT_TARGET),
      List.of("sponsors", "political_review", "committee_review", "pre_review", "application_form"), false),
  COMMITTEE_TALK(16, 4, "committee_talk", null, EnumSet.of(Stage.PROBATIONARY), List.of(), false),
  APPROVAL(17, 4, "approval", null, EnumSet.of(Stage.PROBATIONARY), List.of("committee_talk"), false),
  PROBATION_FILING(18, 4, "probation_filing", null, EnumSet.of(Stage.PROBATIONARY), List.of("approval"), false),
  ASSIGNMENT(19, 5, "assignment", null, EnumSet.of(Stage.PROBATIONARY), List.of("approval"), false),
  OATH(20, 5, "oath", null, EnumSet.of(Stage.PROBATIONARY), List.of("approval"), false),
  PROBATION_ASSESSMENT(21, 5, "probation_assessment", null, EnumSet.of(Stage.PROBATIONARY), List.of("approval"), true),
  EXTENSION(0, 5, "extension", null, EnumSet.of(Stage.PROBATIONARY), List.of("approval"), false),
  CONVERSION_APPLICATION(22, 5, "conversion_application", null, EnumSet.of(Stage.PROBATIONARY), List.of("approval"), false),
  CONVERSION_MEETING(23, 5, "conversion_meeting", null, EnumSet.of(Stage.PROBATIONARY), List.of("conversion_application"), false),
  CONVERSION_APPROVAL(24, 5, "conversion_approval", Stage.FULL_MEMBER, EnumSet.of(Stage.PROBATIONARY),
      List.of("conversion_meeting"), false),
  ARCHIVING(25, 5, "archiving", null, EnumSet.of(Stage.FULL_MEMBER), List.of(), false),
  CANCELLATION(0, 5, "cancellation", Stage.CANCELLED, EnumSet.of(Stage.PROBATIONARY), List.of(), false);

  private final int number;
  private final int phase;
  private final String code;
  private final Stage leadsTo;
  private final Set<Stage> allowedIn;
  private final List<String> requires;
  private final boolean repeatable;

  StepKind(int number, int phase, String code, Stage leadsTo, Set<Stage> allowedIn, List<String> requires,
           boolean repeatable) {
    this.number = number;
    this.phase = phase;
    this.code = code;
    this.leadsTo = leadsTo;
    this.allowedIn = allowedIn;
    this.requires = requires;
    this.repeatable = repeatable;
  }

  /** The step's number in the 细则 (1 to 25); 0 for extension and cancellation, which are outcomes, not steps. */
  int number() {
    return number;
  }

  /** The 细则's stage (1 to 5) the step belongs to. */
  int phase() {
    return phase;
  }

  String code() {
    return code;
  }

  /** The stage this step moves the record into, or null when it records something within a stage. */
  Stage leadsTo() {
    return leadsTo;
  }

  Set<Stage> allowedIn() {
    return allowedIn;
  }

  /** Steps that must be on the record before this one. */
  List<StepKind> requires() {
    return requires.stream().map(c -> fromCode(c).orElseThrow()).toList();
  }

  /** Assessments, trainings and a change of cultivation contacts may be recorded more than once. */
  boolean repeatable() {
    return repeatable;
  }

  /** The numbered steps 1 to 25, in order. */
  static List<StepKind> numbered() {
    return Arrays.stream(values()).filter(k -> k.number > 0).toList();
  }

  static Optional<StepKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
