package cn.redlive.party;

import cn.redlive.web.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One dated step of a Party record. {@code hours} is set for training, {@code months} for an extension, and
 * {@code details} carries what else the step needs (e.g. the branch meeting's votes).
 */
record PartyStep(long id, StepKind kind, LocalDate on, Double hours, Integer months, JsonObject details,
                 Long recordedBy, String recordedByName, OffsetDateTime recordedAt) implements JsonView {

  static PartyStep draft(StepKind kind, LocalDate on, Double hours, Integer months, JsonObject details) {
    return new PartyStep(0, kind, on, hours, months, details == null ? new JsonObject() : details, null, null, null);
  }

  static PartyStep from(Row row) {
    Numeric hours = row.getNumeric("hours");
    Object details = row.getValue("details");
    return new PartyStep(row.getLong("id"), StepKind.fromCode(row.getString("kind")).orElseThrow(),
        row.getLocalDate("on_date"), hours == null ? null : hours.doubleValue(), row.getInteger("months"),
        details instanceof JsonObject json ? json : new JsonObject(), row.getLong("recorded_by"),
        row.getString("recorded_by_name"), row.getOffsetDateTime("recorded_at"));
  }

  /** A whole-number detail the step requires, e.g. the branch meeting's votes. */
  int requiredDetail(String name) {
    Integer value = details.getInteger(name);
    if (value == null) throw cn.redlive.web.ProblemException.invalidField("details." + name, "is required for a " + kind.code() + " step");
    return value;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("kind", kind.code())
        .put("on", on.toString())
        .put("hours", hours)
        .put("months", months)
        .put("details", details)
        .put("recordedBy", recordedBy)
        .put("recordedByName", recordedByName)
        .put("recordedAt", recordedAt == null ? null : recordedAt.toInstant().toString());
  }
}
