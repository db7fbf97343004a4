package cn.redlive.streamer;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;

/** A streamer of the talent pool (主播人才库), optionally linked to the streamer account they log in with. */
public record Streamer(
    long id,
    Long accountId,
    String realName,
    String stageName,
    String contact,
    String previousOccupation,
    LocalDate birthDate,
    LocalDate joinedOn,
    String status,
    Long teamId,
    String teamName) implements JsonView {

  public static final String IN_POOL = "pool";
  public static final String ACTIVE = "active";
  public static final String LEFT = "left";

  static Streamer from(Row row) {
    return new Streamer(row.getLong("id"), row.getLong("account_id"), row.getString("real_name"),
        row.getString("stage_name"), row.getString("contact"), row.getString("previous_occupation"),
        row.getLocalDate("birth_date"), row.getLocalDate("joined_on"), row.getString("status"),
        row.getLong("team_id"), row.getString("team_name"));
  }

  public boolean hasLeft() {
    return LEFT.equals(status);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("accountId", accountId)
        .put("realName", realName)
        .put("stageName", stageName)
        .put("contact", contact)
        .put("previousOccupation", previousOccupation)
        .put("birthDate", birthDate.toString())
        .put("joinedOn", joinedOn.toString())
        .put("status", status)
        .put("teamId", teamId)
        .put("teamName", teamName);
  }
}
