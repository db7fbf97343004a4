package cn.redlive.party;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.List;

/**
 * What a record still lacks. {@link #nextStage} lists what the 细则 asks for before the next stage, each item done or
 * not and whether the server enforces it (a step cannot be recorded without it). {@link #gaps} lists the numbered
 * steps before the furthest one reached that were never recorded (records kept before all 25 steps were modelled),
 * and {@link #incomplete} the recorded steps whose details are unknown (e.g. the votes of a migrated conversion).
 */
final class Checklist {

  private Checklist() {
  }

  static JsonArray nextStage(PartyRecord record, PartyRules.Context context) {
    JsonArray items = new JsonArray();
    switch (record.stage()) {
      case NONE -> step(items, record, StepKind.APPLICATION, true);
      case APPLICANT -> step(items, record, StepKind.TALK, true);
      case ACTIVIST -> {
        steps(items, record, List.of(StepKind.ACTIVIST_FILING, StepKind.CONTACTS, StepKind.ASSESSMENT), false);
        LocalDate from = record.on(StepKind.ACTIVIST).plusYears(1).plusDays(1);
        items.add(condition("activist_more_than_one_year", !context.today().isBefore(from), true).put("from", from.toString()));
      }
      case DEVELOPMENT_TARGET -> {
        step(items, record, StepKind.TARGET_FILING, false);
        steps(items, record, List.of(StepKind.SPONSORS, StepKind.POLITICAL_REVIEW), true);
        items.add(condition("training", PartyRules.trained(record, context.today(), context), true)
            .put("hours", PartyRules.trainingHours(record, context.today(), context))
            .put("days", record.trainingStepDays())
            .put("requiredHours", PartyRules.REQUIRED_TRAINING_HOURS)
            .put("requiredDays", PartyRules.REQUIRED_TRAINING_DAYS));
        steps(items, record, List.of(StepKind.COMMITTEE_REVIEW, StepKind.PRE_REVIEW, StepKind.APPLICATION_FORM), true);
      }
      case PROBATIONARY -> {
        steps(items, record, List.of(StepKind.COMMITTEE_TALK, StepKind.APPROVAL), true);
        steps(items, record, List.of(StepKind.PROBATION_FILING, StepKind.ASSIGNMENT, StepKind.OATH,
            StepKind.PROBATION_ASSESSMENT), false);
        step(items, record, StepKind.CONVERSION_APPLICATION, true);
        LocalDate end = record.probationEndsOn();
        items.add(condition("probation_over", !context.today().isBefore(end), true).put("from", end.toString()));
        steps(items, record, List.of(StepKind.CONVERSION_MEETING, StepKind.CONVERSION_APPROVAL), true);
      }
      case FULL_MEMBER -> step(items, record, StepKind.ARCHIVING, false);
      default -> {
      }
    }
    return items;
  }

  static JsonArray gaps(PartyRecord record) {
    int furthest = record.latest().keySet().stream().mapToInt(StepKind::number).max().orElse(0);
    JsonArray gaps = new JsonArray();
    for (StepKind kind : StepKind.numbered()) {
      if (kind.number() < furthest && !record.has(kind)) gaps.add(describe(kind));
    }
    return gaps;
  }

  static JsonArray incomplete(List<PartyStep> steps) {
    JsonArray incomplete = new JsonArray();
    for (PartyStep step : steps) {
      for (String field : neededDetails(step.kind())) {
        if (!step.details().containsKey(field)) {
          incomplete.add(describe(step.kind()).put("stepId", step.id()).put("field", "details." + field));
        }
      }
    }
    return incomplete;
  }

  private static List<String> neededDetails(StepKind kind) {
    return switch (kind) {
      case BRANCH_MEETING, CONVERSION_MEETING -> List.of("entitledVoters", "present", "yesVotes");
      case SPONSORS -> List.of("sponsors");
      case CONTACTS -> List.of("contacts");
      case POLITICAL_REVIEW -> List.of("conclusion");
      default -> List.of();
    };
  }

  private static void steps(JsonArray items, PartyRecord record, List<StepKind> kinds, boolean enforced) {
    kinds.forEach(kind -> step(items, record, kind, enforced));
  }

  private static void step(JsonArray items, PartyRecord record, StepKind kind, boolean enforced) {
    LocalDate on = record.on(kind);
    items.add(describe(kind).put("done", on != null).put("enforced", enforced).put("on", on == null ? null : on.toString()));
  }

  private static JsonObject condition(String kind, boolean done, boolean enforced) {
    return new JsonObject().put("kind", kind).put("number", null).put("done", done).put("enforced", enforced);
  }

  private static JsonObject describe(StepKind kind) {
    return new JsonObject().put("kind", kind.code()).put("number", kind.number()).put("phase", kind.phase());
  }
}
