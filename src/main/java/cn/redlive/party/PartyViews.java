package cn.redlive.party;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The read-side shapes of the party feature: one row of the register, the due view and the audit log. */
final class PartyViews {

  private PartyViews() {
  }

  /** The streamer a line is about, as every list of the feature names them. */
  private static JsonObject who(long streamerId, String realName, String stageName, Long teamId, String teamName) {
    return new JsonObject()
        .put("streamerId", streamerId)
        .put("realName", realName)
        .put("stageName", stageName)
        .put("teamId", teamId)
        .put("teamName", teamName);
  }

  /** A streamer's line in the manager's register of Party records. */
  /** One streamer in the register, with the furthest numbered step on their record (null: none yet). */
  record RegisterEntry(long streamerId, String realName, String stageName, String status, Long teamId, String teamName,
                       String stage, LocalDate nextDueOn, String furthestStep, LocalDate furthestStepOn) implements JsonView {

    static RegisterEntry from(Row row) {
      return new RegisterEntry(row.getLong("id"), row.getString("real_name"), row.getString("stage_name"),
          row.getString("status"), row.getLong("team_id"), row.getString("team_name"), row.getString("stage"),
          row.getLocalDate("next_due_on"), row.getString("furthest_step"), row.getLocalDate("furthest_step_on"));
    }

    @Override
    public JsonObject toJson() {
      StepKind furthest = furthestStep == null ? null : StepKind.fromCode(furthestStep).orElse(null);
      return who(streamerId, realName, stageName, teamId, teamName)
          .put("status", status)
          .put("stage", stage)
          .put("nextDueOn", nextDueOn == null ? null : nextDueOn.toString())
          .put("furthestStep", furthest == null ? null : new JsonObject().put("number", furthest.number())
              .put("kind", furthest.code()).put("on", furthestStepOn.toString()));
    }
  }

  /** One obligation in the due-and-overdue view, with its status on the day asked about. */
  record DueItem(long streamerId, String realName, String stageName, Long teamId, String teamName, String kind,
                 LocalDate dueOn, LocalDate asOf) implements JsonView {

    static DueItem from(Row row, LocalDate asOf) {
      return new DueItem(row.getLong("streamer_id"), row.getString("real_name"), row.getString("stage_name"),
          row.getLong("team_id"), row.getString("team_name"), row.getString("kind"), row.getLocalDate("due_on"), asOf);
    }

    @Override
    public JsonObject toJson() {
      return who(streamerId, realName, stageName, teamId, teamName)
          .put("kind", kind)
          .put("dueOn", dueOn.toString())
          .put("status", Obligation.statusOn(dueOn, asOf))
          .put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(dueOn, asOf)));
    }
  }

  /** Who changed a political status, when, and the record before and after. */
  record AuditEntry(long id, long streamerId, Long actorId, String actorName, String action, JsonObject before,
                    JsonObject after, String at) implements JsonView {

    static AuditEntry from(Row row) {
      return new AuditEntry(row.getLong("id"), row.getLong("streamer_id"), row.getLong("actor_id"),
          null, row.getString("action"), (JsonObject) row.getValue("before"),
          (JsonObject) row.getValue("after"), row.getOffsetDateTime("at").toInstant().toString());
    }

    /** The actor's name comes from the account feature, after the entries are read. */
    AuditEntry withActorName(String name) {
      return new AuditEntry(id, streamerId, actorId, name, action, before, after, at);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("streamerId", streamerId)
          .put("actorId", actorId)
          .put("actorName", actorName)
          .put("action", action)
          .put("before", before)
          .put("after", after)
          .put("at", at);
    }
  }
}
