package cn.redlive.party;

import cn.redlive.core.JsonView;
import cn.redlive.core.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One dated step of a Party record. {@code hours} and {@code days} are set for training, {@code months} for an
 * extension, and {@code details} carries what else the step needs (the meetings' votes, the sponsors' and cultivation
 * contacts' names, the political review's conclusion). Steps migrated from the old model may lack details; they read
 * back as they are and the record lists what is missing.
 */
record PartyStep(long id, StepKind kind, LocalDate on, Double hours, Integer days, Integer months, JsonObject details,
                 Long recordedBy, String recordedByName, OffsetDateTime recordedAt) implements JsonView {

  static PartyStep draft(StepKind kind, LocalDate on, Double hours, Integer days, Integer months, JsonObject details) {
    return new PartyStep(0, kind, on, hours, days, months, details == null ? new JsonObject() : details, null, null, null);
  }

  static PartyStep from(Row row) {
    Numeric hours = row.getNumeric("hours");
    Object details = row.getValue("details");
    return new PartyStep(row.getLong("id"), StepKind.fromCode(row.getString("kind")).orElseThrow(),
        row.getLocalDate("on_date"), hours == null ? null : hours.doubleValue(), row.getInteger("days"),
        row.getInteger("months"), details instanceof JsonObject json ? json : new JsonObject(),
        row.getLong("recorded_by"), null, row.getOffsetDateTime("recorded_at"));
  }

  /** The recorder's name comes from the account feature, after the steps are read. */
  PartyStep withRecordedByName(String name) {
    return new PartyStep(id, kind, on, hours, days, months, details, recordedBy, name, recordedAt);
  }

  /** A whole-number detail the step requires, e.g. the branch meeting's votes. */
  int requiredDetail(String name) {
    Integer value = details.getInteger(name);
    if (value == null) throw ProblemException.invalidField("details." + name, "is required for a " + kind.code() + " step");
    return value;
  }

  /** The non-blank names a step requires, between {@code min} and {@code max} of them. */
  List<String> requiredNames(String name, int min, int max) {
    JsonArray names = details.getJsonArray(name);
    List<String> given = names == null ? List.of()
        : names.stream().map(n -> n instanceof String s ? s.strip() : "").filter(s -> !s.isEmpty()).distinct().toList();
    if (given.size() < min || given.size() > max || names.size() != given.size()) {
      String count = min == max ? String.valueOf(min) : min + " to " + max;
      throw ProblemException.invalidField("details." + name, "needs " + count + " different names for a " + kind.code() + " step");
    }
    return given;
  }

  String requiredText(String name) {
    String value = details.getString(name);
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidField("details." + name, "is required for a " + kind.code() + " step");
    }
    return value;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("kind", kind.code())
        .put("number", kind.number() == 0 ? null : kind.number())
        .put("phase", kind.phase())
        .put("on", on.toString())
        .put("hours", hours)
        .put("days", days)
        .put("months", months)
        .put("details", details)
        .put("recordedBy", recordedBy)
        .put("recordedByName", recordedByName)
        .put("recordedAt", recordedAt == null ? null : recordedAt.toInstant().toString());
  }
}
