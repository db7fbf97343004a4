package cn.redlive.party;

import java.util.Arrays;
import java.util.Optional;

/** The five stages of Party development, in order, plus "none" before an application and "cancelled" after. */
public enum Stage {
  NONE("none", 0),
  APPLICANT("applicant", 1),
  ACTIVIST("activist", 2),
  DEVELOPMENT_TARGET("development_target", 3),
  PROBATIONARY("probationary", 4),
  FULL_MEMBER("full_member", 5),
  CANCELLED("cancelled", 6);

  private final String code;
  private final int order;

  Stage(String code, int order) {
    this.code = code;
    this.order = order;
  }

  public String code() {
    return code;
  }

  int order() {
    return order;
  }

  public static Optional<Stage> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
