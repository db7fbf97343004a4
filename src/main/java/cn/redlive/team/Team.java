package cn.redlive.team;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A selling team of a red room; its captain (队长) is always one of its current members. */
public record Team(long id, String name, Long captainStreamerId, String captainName, long members) implements JsonView {

  static Team from(Row row) {
    return new Team(row.getLong("id"), row.getString("name"), row.getLong("captain_streamer_id"),
        row.getString("captain_name"), row.getLong("members"));
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("captainStreamerId", captainStreamerId)
        .put("captainName", captainName)
        .put("members", members);
  }
}
