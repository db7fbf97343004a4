package cn.redlive.study;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SettableClock;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import static cn.redlive.support.People.training;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a server whose clock the test moves: study minutes are heartbeats 30 s apart, as the study page sends them. */
@DisplayName("The study corner counts what was studied")
class StudyCornerTest {

  private static final SettableClock CLOCK = SettableClock.at(LocalDate.of(2025, 5, 1), LocalTime.NOON);
  private static TestApp app;
  private static Api api;
  private static People people;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of(), CLOCK);
    api = app.api();
    people = new People(api);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  @DisplayName("points are earned once per item, capped per kind of action and per Asia/Shanghai day, which starts at 16:00 UTC")
  void capsInShanghaiDays() {
    var me = people.streamerWithLogin();
    long course = item("course", 25, 2, 1);
    long article = item("article", 10, 0, 1);
    long secondArticle = item("article", 10, 0, 1);
    long video = item("video", 10, 0, 1);

    CLOCK.set(LocalDate.of(2025, 5, 1), LocalTime.of(23, 50));
    JsonObject first = studyAndComplete(me.token(), course);
    JsonObject capped = studyAndComplete(me.token(), article);
    CLOCK.set(LocalDate.of(2025, 5, 2), LocalTime.MIDNIGHT);
    JsonObject nextDay = studyAndComplete(me.token(), video);
    JsonObject reading = studyAndComplete(me.token(), article);
    JsonObject secondReading = studyAndComplete(me.token(), secondArticle);
    JsonObject actionCapped = studyAndComplete(me.token(), item("article", 10, 0, 1));
    JsonObject again = studyAndComplete(me.token(), course);

    assertEquals(25, first.getInteger("pointsAwarded"));
    assertEquals("2025-05-01", first.getString("day"));
    assertEquals(5, capped.getInteger("pointsAwarded"), "the day's 30 points are reached");
    assertTrue(capped.getBoolean("pointsCapped"));
    assertEquals("2025-05-02", nextDay.getString("day"));
    assertEquals(10, nextDay.getInteger("pointsAwarded"));
    assertEquals(0, reading.getInteger("pointsAwarded"), "an item's points are earned once");
    assertEquals(10, secondReading.getInteger("pointsAwarded"));
    assertEquals(2, actionCapped.getInteger("pointsAwarded"), "reading earns at most 12 points a day");
    assertEquals(12, actionCapped.getInteger("actionCap"));
    assertEquals(0, again.getInteger("pointsAwarded"));
    assertTrue(again.getBoolean("alreadyCompleted"));
  }

  @Test
  @DisplayName("completion with no minutes studied, back-dated progress and minutes faster than wall time are refused")
  void fakesRefused() {
    var me = people.streamerWithLogin();
    long video = item("video", 5, 0, 2);

    assertProblem(progress(me.token(), video, true, null), 422, "study-not-finished");
    String yesterday = CLOCK.instant().minus(Duration.ofDays(1)).toString();
    assertProblem(progress(me.token(), new JsonObject().put("itemId", video).put("at", yesterday)), 422, "progress-backdated");

    beat(me.token(), video);
    CLOCK.advance(Duration.ofSeconds(30));
    beat(me.token(), video);
    assertProblem(progress(me.token(), new JsonObject().put("itemId", video).put("minutes", 1)), 422, "minutes-not-studied");

    CLOCK.advance(Duration.ofMinutes(30));
    assertEquals(30, beat(me.token(), video).getInteger("seconds"), "a page closed for 30 minutes earns nothing");
    assertProblem(progress(me.token(), video, true, null), 422, "study-not-finished");

    for (int i = 0; i < 7; i++) {
      CLOCK.advance(Duration.ofSeconds(30));
      beat(me.token(), video);
    }
    JsonObject done = progress(me.token(), video, true, null).json();
    assertEquals(4, done.getInteger("minutes"), "minutes are the timed ones");
    assertTrue(done.getBoolean("verified"));
    assertEquals(0, progress(me.token(), video, false, null).json().getInteger("minutes"), "timed minutes count once");
  }

  @Test
  @DisplayName("an article with a quiz is completed by answering it right, and the answers are never shown")
  void quiz() {
    var me = people.streamerWithLogin();
    JsonArray questions = new JsonArray()
        .add(new JsonObject().put("question", "发展党员要经过几个阶段？").put("options", new JsonArray().add("三个").add("五个")).put("answer", 1));
    Reply published = api.post("/api/v1/study/items").as(people.managerToken()).json(new JsonObject()
        .put("title", TestApp.uniqueName("测验")).put("kind", "article").put("minutes", 10).put("points", 3)
        .put("body", "发展党员工作细则……").put("quiz", questions)).send();
    assertEquals(201, published.status(), published::toString);
    assertNull(published.json().getJsonArray("quiz").getJsonObject(0).getValue("answer"));
    long article = published.json().getLong("id");

    beat(me.token(), article);
    assertProblem(progress(me.token(), new JsonObject().put("itemId", article).put("completed", true)
        .put("answers", new JsonArray().add(0))), 422, "quiz-not-passed");
    Reply passed = progress(me.token(), new JsonObject().put("itemId", article).put("completed", true)
        .put("answers", new JsonArray().add(1)));
    assertEquals(201, passed.status(), passed::toString);
    assertEquals(3, passed.json().getInteger("pointsAwarded"));
  }

  @Test
  @DisplayName("a streamer sees their points, streak and what remains")
  void ownSummary() {
    var me = people.streamerWithLogin();
    long a = item("article", 5, 0, 1);
    long b = item("video", 5, 0, 1);
    CLOCK.set(LocalDate.of(2025, 6, 1), LocalTime.of(10, 0));
    study(me.token(), a, 30);
    progress(me.token(), a, false, null);
    CLOCK.set(LocalDate.of(2025, 6, 2), LocalTime.of(10, 0));
    studyAndComplete(me.token(), a);
    CLOCK.set(LocalDate.of(2025, 6, 3), LocalTime.of(10, 0));
    study(me.token(), b, 30);
    progress(me.token(), b, false, null);

    JsonObject onThird = summary(me, "2025-06-03");
    assertEquals(5, onThird.getInteger("points"));
    assertEquals(0, onThird.getInteger("pointsToday"));
    assertEquals(1, onThird.getInteger("completedItems"));
    assertEquals(3, onThird.getInteger("streakDays"));
    assertTrue(onThird.getJsonArray("remaining").stream().map(JsonObject.class::cast).anyMatch(i -> i.getLong("id") == b));
    assertFalse(onThird.getJsonArray("remaining").stream().map(JsonObject.class::cast).anyMatch(i -> i.getLong("id") == a));
    assertEquals(3, summary(me, "2025-06-04").getInteger("streakDays"), "a streak lasts through a day not yet studied");
    assertEquals(0, summary(me, "2025-06-05").getInteger("streakDays"));
  }

  @Test
  @DisplayName("class hours of a course studied through to the end count toward the training before the branch committee's review")
  void verifiedCourseHoursCountAsTraining() {
    var me = people.streamerWithLogin();
    long course = item("course", 10, 8, 2);
    people.toDevelopmentTarget(me.streamerId());
    people.ok(me.streamerId(), training("2021-06-01", 16));
    assertProblem(people.step(me.streamerId(), "committee_review", "2021-06-01"), 422, "training-insufficient");

    CLOCK.set(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0));
    studyAndComplete(me.token(), course);
    assertProblem(people.step(me.streamerId(), "committee_review", "2025-06-30"), 422, "training-insufficient");
    JsonObject reviewed = people.ok(me.streamerId(), "committee_review", "2025-07-01");
    assertEquals(24.0, reviewed.getDouble("trainingHours"));
  }

  @Test
  @DisplayName("managers see a team's progress table, who is behind, and its points ranking")
  void teamTable() {
    long team = people.team();
    var keen = people.streamerWithLogin();
    var idle = people.streamerWithLogin();
    people.join(keen.streamerId(), team);
    people.join(idle.streamerId(), team);
    CLOCK.set(LocalDate.of(2025, 7, 10), LocalTime.of(10, 0));
    for (long item : new long[] {item("course", 25, 0, 1), item("video", 10, 0, 1), item("article", 10, 0, 1)}) {
      studyAndComplete(keen.token(), item);
    }

    Reply table = api.get("/api/v1/teams/" + team + "/study?asOf=2025-07-12").as(people.managerToken()).send();
    assertEquals(200, table.status(), table::toString);
    var rows = table.json().getJsonArray("members");
    JsonObject idleRow = rows.stream().map(JsonObject.class::cast).filter(r -> r.getLong("streamerId") == idle.streamerId()).findFirst().orElseThrow();
    assertTrue(idleRow.getBoolean("behind"));
    JsonArray ranking = table.json().getJsonArray("ranking");
    assertEquals(keen.streamerId(), ranking.getJsonObject(0).getLong("streamerId"));
    assertEquals(1, ranking.getJsonObject(0).getInteger("rank"));
    assertEquals(2, ranking.getJsonObject(1).getInteger("rank"));
    assertEquals(30, ranking.getJsonObject(0).getLong("points"), "the keen one reached the day's cap");
  }

  @Test
  @DisplayName("only managers publish items, only streamers record progress, and only with a profile")
  void roles() {
    var streamer = people.streamerWithLogin();
    assertProblem(api.post("/api/v1/study/items").as(streamer.token()).json(new JsonObject().put("title", "x")
        .put("kind", "article").put("minutes", 5).put("points", 1)).send(), 403, "role-not-allowed");
    assertProblem(api.post("/api/v1/study/progress").as(people.managerToken())
        .json(new JsonObject().put("itemId", 1).put("completed", true)).send(), 403, "role-not-allowed");
    assertProblem(api.post("/api/v1/study/items/1/heartbeat").as(people.managerToken()).send(), 403, "role-not-allowed");
    var noProfile = api.newUser("streamer");
    assertProblem(api.post("/api/v1/study/progress").as(noProfile.token())
        .json(new JsonObject().put("itemId", item("article", 1, 0, 1)).put("completed", true)).send(), 404, "not-found");
    assertProblem(api.post("/api/v1/study/items").as(people.managerToken()).json(new JsonObject().put("title", "x")
        .put("kind", "article").put("minutes", 5).put("points", 1).put("classHours", 2)).send(), 400, "validation");
  }

  private static long item(String kind, int points, double classHours, int minutes) {
    Reply reply = api.post("/api/v1/study/items").as(people.managerToken()).json(new JsonObject()
        .put("title", TestApp.uniqueName("学习")).put("kind", kind).put("minutes", minutes).put("points", points)
        .put("classHours", classHours)).send();
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getLong("id");
  }

  private static JsonObject beat(String token, long itemId) {
    Reply reply = api.post("/api/v1/study/items/" + itemId + "/heartbeat").as(token).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  /** Opens the item and beats every 30 s (moving the clock) until {@code seconds} are timed. */
  private static void study(String token, long itemId, int seconds) {
    int timed = beat(token, itemId).getInteger("seconds");
    while (timed < seconds) {
      CLOCK.advance(Duration.ofSeconds(30));
      timed = beat(token, itemId).getInteger("seconds");
    }
  }

  private static JsonObject studyAndComplete(String token, long itemId) {
    int required = beat(token, itemId).getInteger("requiredSeconds");
    study(token, itemId, required);
    Reply reply = progress(token, itemId, true, null);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private static Reply progress(String token, long itemId, boolean completed, Integer minutes) {
    JsonObject body = new JsonObject().put("itemId", itemId).put("completed", completed);
    if (minutes != null) body.put("minutes", minutes);
    return progress(token, body);
  }

  private static Reply progress(String token, JsonObject body) {
    return api.post("/api/v1/study/progress").as(token).json(body).send();
  }

  private static JsonObject summary(People.LoggedIn me, String asOf) {
    Reply reply = api.get("/api/v1/streamers/" + me.streamerId() + "/study?asOf=" + asOf).as(me.token()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }
}
