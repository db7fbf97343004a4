package cn.redlive.streamer;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;

/** What a manager supplies to add a streamer to the talent pool. */
public record NewStreamer(Long accountId, String realName, String stageName, String contact, String previousOccupation,
                          LocalDate birthDate, LocalDate joinedOn) {

  static NewStreamer from(JsonObject body) {
    return new NewStreamer(body.getLong("accountId"), body.getString("realName").trim(),
        body.getString("stageName").trim(), body.getString("contact", ""), body.getString("previousOccupation", ""),
        LocalDate.parse(body.getString("birthDate")), LocalDate.parse(body.getString("joinedOn")));
  }
}
