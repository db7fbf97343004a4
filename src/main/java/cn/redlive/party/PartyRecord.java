package cn.redlive.party;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a streamer stands on the road to Party membership, folded from their dated steps in order: the stage,
 * the latest date of each kind of step, the training hours recorded as steps, and the one probation extension.
 * Immutable: {@link #after} gives the record as it would be with one more step, which is what the rules check.
 */
record PartyRecord(Stage stage, Map<StepKind, LocalDate> latest, double trainingStepHours, Integer extensionMonths,
                   LocalDate lastStepOn) {

  static final PartyRecord EMPTY = new PartyRecord(Stage.NONE, Map.of(), 0, null, null);

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
    double hours = trainingStepHours + (step.kind() == StepKind.TRAINING && step.hours() != null ? step.hours() : 0);
    Integer months = step.kind() == StepKind.EXTENSION ? step.months() : extensionMonths;
    return new PartyRecord(next, Collections.unmodifiableMap(dates), hours, months, step.on());
  }

  /** The latest date a step of this kind was taken, or null. */
  LocalDate on(StepKind kind) {
    return latest.get(kind);
  }

  /** Probation lasts one year from the branch meeting, plus the one extension if any. */
  LocalDate probationEndsOn() {
    LocalDate meeting = on(StepKind.BRANCH_MEETING);
    if (meeting == null) return null;
    LocalDate end = meeting.plusYears(1);
    return extensionMonths == null ? end : end.plusMonths(extensionMonths);
  }

  JsonObject toJson() {
    JsonObject dates = new JsonObject();
    latest.forEach((kind, on) -> dates.put(kind.code(), on.toString()));
    LocalDate probationEnd = probationEndsOn();
    return new JsonObject()
        .put("stage", stage.code())
        .put("latestStepDates", dates)
        .put("trainingStepHours", trainingStepHours)
        .put("extensionMonths", extensionMonths)
        .put("probationEndsOn", probationEnd == null ? null : probationEnd.toString());
  }
}
