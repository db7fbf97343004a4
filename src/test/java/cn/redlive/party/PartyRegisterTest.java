package cn.redlive.party;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Managers list Party records and count them per stage")
class PartyRegisterTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("the register filters by team, stage and due, and paginates")
  void registerFilters() {
    long team = people.team();
    long applicant = member(team);
    people.ok(applicant, "application", "2025-03-10");
    long activist = member(team);
    people.ok(activist, "application", "2024-01-02");
    people.ok(activist, "talk", "2024-01-10");
    people.ok(activist, "activist", "2024-01-10");
    member(team);

    assertEquals(3, register("team=" + team).json().getLong("total"));
    Reply activists = register("team=" + team + "&stage=activist");
    assertEquals(1, activists.json().getLong("total"));
    assertEquals(activist, activists.json().getJsonArray("items").getJsonObject(0).getLong("streamerId"));
    assertEquals(1, register("team=" + team + "&stage=none").json().getLong("total"));
    Reply due = register("team=" + team + "&due=true&asOf=2025-03-31");
    assertEquals(2, due.json().getLong("total"), due::toString);
    assertEquals(1, register("team=" + team + "&due=true&asOf=2024-07-01").json().getLong("total"));
    Reply page = register("team=" + team + "&size=2&page=2");
    assertEquals(1, page.json().getJsonArray("items").size());
    assertEquals(3, page.json().getLong("total"));
  }

  @Test
  @DisplayName("counts per stage per team and base-wide include how many have applied")
  void countsPerStage() {
    long team = people.team();
    people.ok(member(team), "application", "2025-03-10");
    people.ok(member(team), "application", "2025-03-11");
    long target = member(team);
    people.toDevelopmentTarget(target);
    member(team);

    Reply counts = api.get("/api/v1/party/counts").as(people.managerToken()).send();
    assertEquals(200, counts.status(), counts::toString);
    JsonObject mine = counts.json().getJsonArray("teams").stream().map(JsonObject.class::cast)
        .filter(t -> Long.valueOf(team).equals(t.getLong("teamId"))).findFirst().orElseThrow().getJsonObject("counts");
    assertEquals(2, mine.getLong("applicant"));
    assertEquals(1, mine.getLong("development_target"));
    assertEquals(1, mine.getLong("none"));
    assertEquals(3, mine.getLong("applied"));
    JsonObject base = counts.json().getJsonObject("baseWide");
    assertTrue(base.getLong("applied") >= 3 && base.getLong("applicant") >= 2);
  }

  @Test
  @DisplayName("totals follow team moves, status changes and new stages at once, on every page")
  void totalsFollowChanges() {
    long teamA = people.team();
    long teamB = people.team();
    long mover = member(teamA);
    long stayer = member(teamA);
    people.ok(mover, "application", "2025-03-10");
    assertEquals(1, total("/party/records?team=" + teamA + "&stage=applicant"));
    assertEquals(2, total("/streamers?team=" + teamA + "&status=pool"));

    people.join(mover, teamB);
    assertEquals(0, total("/party/records?team=" + teamA + "&stage=applicant"));
    assertEquals(1, total("/party/records?team=" + teamB + "&stage=applicant"));
    assertEquals(1, total("/streamers?team=" + teamA));
    assertEquals(1, total("/party/due?team=" + teamB + "&asOf=2025-04-01"), "the talk is owed in the new team");
    assertEquals(0, total("/party/due?team=" + teamA + "&asOf=2025-04-01"));

    Reply left = api.method("PATCH", "/api/v1/streamers/" + mover).as(people.managerToken())
        .json(new JsonObject().put("status", "left")).send();
    assertEquals(200, left.status(), left::toString);
    assertEquals(0, total("/streamers?team=" + teamB));
    assertEquals(0, total("/party/records?team=" + teamB));

    people.ok(stayer, "application", "2024-01-02");
    people.ok(stayer, "talk", "2024-01-10");
    people.ok(stayer, "activist", "2024-01-10");
    assertEquals(1, total("/party/records?team=" + teamA + "&stage=activist"));
    assertEquals(0, total("/party/records?team=" + teamA + "&stage=none"));
    assertEquals(1, total("/party/records?team=" + teamA + "&stage=activist&page=3&size=1"), "past the last page");
  }

  @Test
  @DisplayName("a record's next due date follows its obligations as steps are recorded and when the streamer leaves")
  void nextDueFollowsObligations() {
    long team = people.team();
    long streamer = member(team);
    people.ok(streamer, "application", "2025-03-10");
    assertEquals("2025-04-10", nextDue(team), "the talk, a month after applying");
    assertEquals(1, register("team=" + team + "&due=true&asOf=2025-03-31").json().getLong("total"));

    people.ok(streamer, "talk", "2025-03-20");
    assertNull(nextDue(team), "nothing is owed once the talk is held");
    assertEquals(0, register("team=" + team + "&due=true&asOf=2025-03-31").json().getLong("total"));

    people.ok(streamer, "activist", "2025-04-01");
    assertEquals("2025-05-01", nextDue(team), "the filing with the higher committee, a month on");
    people.ok(streamer, "activist_filing", "2025-04-15");
    assertEquals("2025-10-01", nextDue(team), "the assessment, six months on");

    Reply left = api.method("PATCH", "/api/v1/streamers/" + streamer).as(people.managerToken())
        .json(new JsonObject().put("status", "left")).send();
    assertEquals(200, left.status(), left::toString);
    JsonObject leaver = register("status=left&stage=activist&size=200").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(item -> item.getLong("streamerId") == streamer).findFirst().orElseThrow();
    assertNull(leaver.getString("nextDueOn"), "a streamer who left owes nothing");
  }

  private String nextDue(long team) {
    return register("team=" + team).json().getJsonArray("items").getJsonObject(0).getString("nextDueOn");
  }

  private long total(String path) {
    Reply reply = api.get("/api/v1" + path).as(people.managerToken()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getLong("total");
  }

  @Test
  @DisplayName("each of the 25 steps counts who stands at it and who passed it, and each record names its furthest step")
  void stepsCountedOneByOne() {
    long team = people.team();
    long applicant = member(team);
    people.ok(applicant, "application", "2025-03-10");
    long target = member(team);
    people.toDevelopmentTarget(target);
    member(team);

    Reply counts = api.get("/api/v1/party/steps/counts?team=" + team).as(people.managerToken()).send();
    assertEquals(200, counts.status(), counts::toString);
    var steps = counts.json().getJsonArray("steps").stream().map(JsonObject.class::cast).toList();
    assertEquals(25, steps.size());
    assertEquals(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList(),
        steps.stream().map(st -> st.getInteger("number")).toList());
    JsonObject application = steps.get(0);
    assertEquals(1, application.getLong("atStep"), application::encode);
    assertEquals(2, application.getLong("reached"), application::encode);
    assertEquals("2025-03-10", application.getString("lastOn"));
    JsonObject developmentTarget = steps.get(6);
    assertEquals("development_target", developmentTarget.getString("kind"));
    assertEquals(3, developmentTarget.getInteger("phase"));
    assertEquals(1, developmentTarget.getLong("atStep"));
    assertEquals("2021-03-05", developmentTarget.getString("lastOn"));
    assertEquals(0, steps.get(14).getLong("reached"), "nobody reached the branch meeting");
    assertEquals(2, steps.stream().mapToLong(st -> st.getLong("atStep")).sum(), "each streamer with steps counts at one step");

    var items = register("team=" + team).json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    JsonObject furthest = items.stream().filter(i -> i.getLong("streamerId") == target).findFirst().orElseThrow()
        .getJsonObject("furthestStep");
    assertEquals(new JsonObject().put("number", 7).put("kind", "development_target").put("on", "2021-03-05"), furthest);
    assertNull(items.stream().filter(i -> i.getLong("streamerId") != target && i.getLong("streamerId") != applicant)
        .findFirst().orElseThrow().getValue("furthestStep"));
  }

  @Test
  @DisplayName("step counts are for managers only")
  void stepCountsForManagersOnly() {
    for (String role : java.util.List.of("streamer", "brand_partner", "ingest")) {
      assertEquals(403, api.get("/api/v1/party/steps/counts").as(api.newUser(role).token()).send().status(), role);
    }
  }

  private long member(long team) {
    long id = people.streamer();
    people.join(id, team);
    return id;
  }

  private Reply register(String query) {
    Reply reply = api.get("/api/v1/party/records?" + query).as(people.managerToken()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply;
  }
}
