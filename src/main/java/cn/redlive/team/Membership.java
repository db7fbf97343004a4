package cn.redlive.team;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;

/** One stretch of a streamer's time in a team: from (inclusive) until (exclusive, null while it lasts). */
public record Membership(long streamerId, String stageName, long teamId, String teamName,
                         OffsetDateTime from, OffsetDateTime until) implements JsonView {

  static Membership from(Row row) {
    return new Membership(row.getLong("streamer_id"), row.getString("stage_name"), row.getLong("team_id"),
        row.getString("team_name"), row.getOffsetDateTime("from_at"), row.getOffsetDateTime("until_at"));
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("streamerId", streamerId)
        .put("stageName", stageName)
        .put("teamId", teamId)
        .put("teamName", teamName)
        .put("from", from.toInstant().toString())
        .put("until", until == null ? null : until.toInstant().toString());
  }
}
