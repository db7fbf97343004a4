package cn.redlive.study;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * Something to study in the study corner (学习角): an article (its text), a video or a course (its address; a course
 * carries class hours), with an optional short quiz. The quiz's answers never leave the server.
 */
public record StudyItem(long id, String title, String kind, int minutes, double classHours, int points,
                        String publishedAt, String contentUrl, String body, JsonArray quiz) implements JsonView {

  public static final String COURSE = "course";
  public static final String ARTICLE = "article";

  static StudyItem from(Row row) {
    Object quiz = row.getValue("quiz");
    return new StudyItem(row.getLong("id"), row.getString("title"), row.getString("kind"), row.getInteger("minutes"),
        row.getNumeric("class_hours").doubleValue(), row.getInteger("points"),
        row.getOffsetDateTime("published_at").toInstant().toString(), row.getString("content_url"), row.getString("body"),
        quiz instanceof JsonArray questions ? questions : new JsonArray());
  }

  /** Seconds of heartbeats a completion needs: the item's duration, unless its quiz is answered instead. */
  int requiredSeconds() {
    return minutes * 60;
  }

  boolean hasQuiz() {
    return !quiz.isEmpty();
  }

  /** Every question answered with its right option. */
  boolean passes(JsonArray answers) {
    if (answers == null || answers.size() != quiz.size()) return false;
    for (int i = 0; i < quiz.size(); i++) {
      if (!(answers.getValue(i) instanceof Integer given) || given != quiz.getJsonObject(i).getInteger("answer")) return false;
    }
    return true;
  }

  @Override
  public JsonObject toJson() {
    JsonArray questions = new JsonArray();
    quiz.forEach(q -> questions.add(((JsonObject) q).copy().put("answer", null)));
    return new JsonObject()
        .put("id", id)
        .put("title", title)
        .put("kind", kind)
        .put("minutes", minutes)
        .put("classHours", classHours)
        .put("points", points)
        .put("publishedAt", publishedAt)
        .put("contentUrl", contentUrl)
        .put("body", body)
        .put("quiz", questions);
  }
}
