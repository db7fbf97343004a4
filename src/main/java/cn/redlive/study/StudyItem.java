package cn.redlive.study;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** Something to study in the study corner (学习角): an article, a video or a course (which carries class hours). */
public record StudyItem(long id, String title, String kind, int minutes, double classHours, int points,
                        String publishedAt) implements JsonView {

  public static final String COURSE = "course";

  static StudyItem from(Row row) {
    return new StudyItem(row.getLong("id"), row.getString("title"), row.getString("kind"), row.getInteger("minutes"),
        row.getNumeric("class_hours").doubleValue(), row.getInteger("points"),
        row.getOffsetDateTime("published_at").toInstant().toString());
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("title", title)
        .put("kind", kind)
        .put("minutes", minutes)
        .put("classHours", classHours)
        .put("points", points)
        .put("publishedAt", publishedAt);
  }
}
