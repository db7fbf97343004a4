package cn.redlive.study;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.People.training;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The study corner")
class StudyCornerTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("points are earned once per item and capped per Asia/Shanghai day, which starts at 16:00 UTC")
  void dailyCapInShanghaiDays() {
    var me = people.streamerWithLogin();
    long big = item("course", 25, 2);
    long small = item("article", 10, 0);
    long other = item("video", 10, 0);

    JsonObject first = progress(me.token(), big, true, "2025-05-01T15:00:00Z");
    JsonObject capped = progress(me.token(), small, true, "2025-05-01T15:59:59Z");
    JsonObject nextDay = progress(me.token(), other, true, "2025-05-01T16:00:00Z");
    JsonObject again = progress(me.token(), big, true, "2025-05-02T01:00:00Z");

    assertEquals(25, first.getInteger("pointsAwarded"));
    assertEquals("2025-05-01", first.getString("day"));
    assertEquals(5, capped.getInteger("pointsAwarded"));
    assertTrue(capped.getBoolean("pointsCapped"));
    assertEquals("2025-05-02", nextDay.getString("day"));
    assertEquals(10, nextDay.getInteger("pointsAwarded"));
    assertEquals(0, again.getInteger("pointsAwarded"));
    assertTrue(again.getBoolean("alreadyCompleted"));
  }

  @Test
  @DisplayName("a streamer sees their points, streak and what remains")
  void ownSummary() {
    var me = people.streamerWithLogin();
    long a = item("article", 5, 0);
    long b = item("video", 5, 0);
    progress(me.token(), a, false, "2025-06-01T02:00:00Z");
    progress(me.token(), a, true, "2025-06-02T02:00:00Z");
    progress(me.token(), b, false, "2025-06-03T02:00:00Z");

    JsonObject onThird = summary(me, "2025-06-03");
    JsonObject onFifth = summary(me, "2025-06-05");

    assertEquals(3, onThird.getInteger("streakDays"));
    assertEquals(5, onThird.getInteger("points"));
    assertEquals(0, onThird.getInteger("pointsToday"));
    assertEquals(1, onThird.getInteger("completedItems"));
    assertTrue(onThird.getJsonArray("remaining").stream().map(JsonObject.class::cast).anyMatch(i -> i.getLong("id") == b));
    assertFalse(onThird.getJsonArray("remaining").stream().map(JsonObject.class::cast).anyMatch(i -> i.getLong("id") == a));
    assertEquals(0, onFifth.getInteger("streakDays"));
    assertEquals(3, summary(me, "2025-06-04").getInteger("streakDays"), "a streak lasts through a day not yet studied");
  }

  @Test
  @DisplayName("completed courses' class hours count toward the training required before the branch committee's review")
  void courseHoursCountAsTraining() {
    var me = people.streamerWithLogin();
    long course = item("course", 10, 8);
    people.toDevelopmentTarget(me.streamerId());
    people.ok(me.streamerId(), training("2021-06-01", 16));
    assertProblem(people.step(me.streamerId(), "committee_review", "2021-06-01"), 422, "training-insufficient");

    progress(me.token(), course, true, "2021-07-01T02:00:00Z");
    assertProblem(people.step(me.streamerId(), "committee_review", "2021-06-30"), 422, "training-insufficient");
    JsonObject reviewed = people.ok(me.streamerId(), "committee_review", "2021-07-01");
    assertEquals(24.0, reviewed.getDouble("trainingHours"));
  }

  @Test
  @DisplayName("managers see a team's progress table and who is behind")
  void teamTable() {
    long team = people.team();
    var keen = people.streamerWithLogin();
    var idle = people.streamerWithLogin();
    people.join(keen.streamerId(), team);
    people.join(idle.streamerId(), team);
    item("article", 1, 0);
    Reply items = api.get("/api/v1/study/items?size=200").as(keen.token()).send();
    long total = items.json().getLong("total");
    for (int page = 1; (page - 1) * 200 < total; page++) {
      var list = api.get("/api/v1/study/items?size=200&page=" + page).as(keen.token()).send().json().getJsonArray("items");
      for (Object item : list) progress(keen.token(), ((JsonObject) item).getLong("id"), true, "2025-07-10T02:00:00Z");
    }

    Reply table = api.get("/api/v1/teams/" + team + "/study?asOf=2025-07-12").as(people.managerToken()).send();
    assertEquals(200, table.status(), table::toString);
    var rows = table.json().getJsonArray("members");
    JsonObject keenRow = rows.stream().map(JsonObject.class::cast).filter(r -> r.getLong("streamerId") == keen.streamerId()).findFirst().orElseThrow();
    JsonObject idleRow = rows.stream().map(JsonObject.class::cast).filter(r -> r.getLong("streamerId") == idle.streamerId()).findFirst().orElseThrow();
    assertFalse(keenRow.getBoolean("behind"), keenRow::toString);
    assertTrue(idleRow.getBoolean("behind"));
    assertEquals(1, table.json().getLong("behindCount"));
    assertTrue(api.get("/api/v1/teams/" + team + "/study?asOf=2025-07-20").as(people.managerToken()).send()
        .json().getLong("behindCount") == 2);
  }

  @Test
  @DisplayName("only managers publish items, only streamers record progress, and only with a profile")
  void roles() {
    var streamer = people.streamerWithLogin();
    assertProblem(api.post("/api/v1/study/items").as(streamer.token()).json(new JsonObject().put("title", "x")
        .put("kind", "article").put("minutes", 5).put("points", 1)).send(), 403, "role-not-allowed");
    assertProblem(api.post("/api/v1/study/progress").as(people.managerToken())
        .json(new JsonObject().put("itemId", 1).put("completed", true)).send(), 403, "role-not-allowed");
    var noProfile = api.newUser("streamer");
    assertProblem(api.post("/api/v1/study/progress").as(noProfile.token())
        .json(new JsonObject().put("itemId", item("article", 1, 0)).put("completed", true)).send(), 404, "not-found");
    assertProblem(api.post("/api/v1/study/items").as(people.managerToken()).json(new JsonObject().put("title", "x")
        .put("kind", "article").put("minutes", 5).put("points", 1).put("classHours", 2)).send(), 400, "validation");
  }

  private long item(String kind, int points, double classHours) {
    Reply reply = api.post("/api/v1/study/items").as(people.managerToken()).json(new JsonObject()
        .put("title", TestApp.uniqueName("学习")).put("kind", kind).put("minutes", 30).put("points", points)
        .put("classHours", classHours)).send();
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getLong("id");
  }

  private JsonObject progress(String token, long itemId, boolean completed, String at) {
    Reply reply = api.post("/api/v1/study/progress").as(token)
        .json(new JsonObject().put("itemId", itemId).put("minutes", 30).put("completed", completed).put("at", at)).send();
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private JsonObject summary(People.LoggedIn me, String asOf) {
    Reply reply = api.get("/api/v1/streamers/" + me.streamerId() + "/study?asOf=" + asOf).as(me.token()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }
}
