package cn.redlive.party;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a streamer stands on the road to Party membership, folded from their dated steps in order: the stage,
 * the latest date of each kind of step, the training recorded as steps (class hours and days), and the one
 * probation extension. Immutable: {@link #after} gives the record as it would be with one more step, which is what
 * the rules check.
 */
record PartyRecord(Stage stage, Map<StepKind, LocalDate> latest, double trainingStepHours, int trainingStepDays,
                   Integer extensionMonths, LocalDate lastStepOn) {

  static final PartyRecord EMPTY = new PartyRecord(Stage.NONE, Map.of(), 0, 0, null, null);

  /**
   * The version of what is derived from the steps (this fold, {@link Obligation}): raise it with any change there,
   * and every stored record is derived again at the next start (V78, {@link PartyService#rederiveStale}).
   */
  static final int DERIVATION = 1;

  static PartyRecord fold(List<PartyStep> steps) {
    PartyRecord record = EMPTY;
    for (PartyStep step : steps) record = record.after(step);
    return record;
  }

  PartyRecord after(PartyStep step) {
    Map<StepKind, LocalDate> dates = new EnumMap<>(StepKind.class);
    dates.putAll(latest);
    dates.put(step.kind(), step.on());
    Stage next = step.kind().leadsTo() == null ? stage : step.kind().leadsTo();
    boolean training = step.kind() == StepKind.TRAINING;
    double hours = trainingStepHours + (training && step.hours() != null ? step.hours() : 0);
    int days = trainingStepDays + (training && step.days() != null ? step.days() : 0);
    Integer months = step.kind() == StepKind.EXTENSION ? step.months() : extensionMonths;
    return new PartyRecord(next, Collections.unmodifiableMap(dates), hours, days, months, step.on());
  }

  /** The latest date a step of this kind was taken, or null. */
  LocalDate on(StepKind kind) {
    return latest.get(kind);
  }

  boolean has(StepKind kind) {
    return latest.containsKey(kind);
  }

  /** Probation lasts one year from the branch meeting, plus the one extension if any. */
  LocalDate probationEndsOn() {
    LocalDate meeting = on(StepKind.BRANCH_MEETING);
    if (meeting == null) return null;
    LocalDate end = meeting.plusYears(1);
    return extensionMonths == null ? end : end.plusMonths(extensionMonths);
  }

  /** Party age counts from the day probation ends as a full member (细则 第三十三条), so only for full members. */
  LocalDate partyAgeFrom() {
    return stage == Stage.FULL_MEMBER ? probationEndsOn() : null;
  }

  JsonObject toJson() {
    JsonObject dates = new JsonObject();
    latest.forEach((kind, on) -> dates.put(kind.code(), on.toString()));
    LocalDate probationEnd = probationEndsOn();
    LocalDate ageFrom = partyAgeFrom();
    return new JsonObject()
        .put("stage", stage.code())
        .put("latestStepDates", dates)
        .put("trainingStepHours", trainingStepHours)
        .put("trainingStepDays", trainingStepDays)
        .put("extensionMonths", extensionMonths)
        .put("probationEndsOn", probationEnd == null ? null : probationEnd.toString())
        .put("partyAgeFrom", ageFrom == null ? null : ageFrom.toString());
  }
}
