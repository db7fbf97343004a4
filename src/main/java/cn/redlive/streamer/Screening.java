package cn.redlive.streamer;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;

/** One red-room screening assessment (层层筛选): conduct and ideology, business capability, and the decision. */
public record Screening(long id, long streamerId, int conductScore, int businessScore, String notes, String decision,
                        long assessorId, String assessorName, LocalDate assessedOn) implements JsonView {

  public static final String ADMIT = "admit";
  public static final String REJECT = "reject";

  static Screening from(Row row) {
    return new Screening(row.getLong("id"), row.getLong("streamer_id"), row.getInteger("conduct_score"),
        row.getInteger("business_score"), row.getString("notes"), row.getString("decision"),
        row.getLong("assessor_id"), null, row.getLocalDate("assessed_on"));
  }

  /** The assessor's name comes from the account feature, after the screening is read. */
  Screening withAssessorName(String name) {
    return new Screening(id, streamerId, conductScore, businessScore, notes, decision, assessorId, name, assessedOn);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("streamerId", streamerId)
        .put("conductScore", conductScore)
        .put("businessScore", businessScore)
        .put("notes", notes)
        .put("decision", decision)
        .put("assessorId", assessorId)
        .put("assessorName", assessorName)
        .put("assessedOn", assessedOn.toString());
  }
}
