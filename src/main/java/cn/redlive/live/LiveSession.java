package cn.redlive.live;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A live session (直播场次) as stored in PostgreSQL. */
public record LiveSession(long id, long streamerAccountId, String streamerName, Long teamId, String title,
                          OffsetDateTime plannedStart, OffsetDateTime plannedEnd, String status,
                          OffsetDateTime startedAt, OffsetDateTime endedAt, List<Long> productIds) implements JsonView {

  public static final String SCHEDULED = "scheduled";
  public static final String LIVE = "live";
  public static final String ENDED = "ended";

  /** A session as its own table holds it: the streamer's name is the account feature's (see {@link #named}). */
  static LiveSession from(Row row) {
    Long[] products = row.getArrayOfLongs("product_ids");
    return new LiveSession(row.getLong("id"), row.getLong("streamer_account_id"), null,
        row.getLong("team_id"), row.getString("title"), row.getOffsetDateTime("planned_start"),
        row.getOffsetDateTime("planned_end"), row.getString("status"), row.getOffsetDateTime("started_at"),
        row.getOffsetDateTime("ended_at"), products == null ? List.of() : Arrays.asList(products));
  }

  LiveSession named(String name) {
    return new LiveSession(id, streamerAccountId, name, teamId, title, plannedStart, plannedEnd, status, startedAt,
        endedAt, productIds);
  }

  public boolean isLive() {
    return LIVE.equals(status);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("streamerAccountId", streamerAccountId)
        .put("streamerName", streamerName)
        .put("teamId", teamId)
        .put("title", title)
        .put("plannedStart", plannedStart.toInstant().toString())
        .put("plannedEnd", plannedEnd.toInstant().toString())
        .put("status", status)
        .put("startedAt", startedAt == null ? null : startedAt.toInstant().toString())
        .put("endedAt", endedAt == null ? null : endedAt.toInstant().toString())
        .put("productIds", new JsonArray(productIds));
  }
}
