package cn.redlive.party;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The dated steps a manager records. A step either moves the record into {@link #leadsTo} (from the stage just
 * before it) or is allowed only {@link #allowedIn} certain stages.
 */
enum StepKind {
  APPLICATION("application", Stage.APPLICANT, EnumSet.of(Stage.NONE)),
  TALK("talk", null, EnumSet.of(Stage.APPLICANT)),
  ACTIVIST("activist", Stage.ACTIVIST, EnumSet.of(Stage.APPLICANT)),
  ASSESSMENT("assessment", null, EnumSet.of(Stage.ACTIVIST, Stage.DEVELOPMENT_TARGET)),
  TRAINING("training", null, EnumSet.of(Stage.ACTIVIST, Stage.DEVELOPMENT_TARGET)),
  DEVELOPMENT_TARGET("development_target", Stage.DEVELOPMENT_TARGET, EnumSet.of(Stage.ACTIVIST)),
  BRANCH_MEETING("branch_meeting", Stage.PROBATIONARY, EnumSet.of(Stage.DEVELOPMENT_TARGET)),
  APPROVAL("approval", null, EnumSet.of(Stage.PROBATIONARY)),
  EXTENSION("extension", null, EnumSet.of(Stage.PROBATIONARY)),
  FULL_MEMBERSHIP("full_membership", Stage.FULL_MEMBER, EnumSet.of(Stage.PROBATIONARY)),
  CANCELLATION("cancellation", Stage.CANCELLED, EnumSet.of(Stage.PROBATIONARY));

  private final String code;
  private final Stage leadsTo;
  private final Set<Stage> allowedIn;

  StepKind(String code, Stage leadsTo, Set<Stage> allowedIn) {
    this.code = code;
    this.leadsTo = leadsTo;
    this.allowedIn = allowedIn;
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

  static Optional<StepKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
