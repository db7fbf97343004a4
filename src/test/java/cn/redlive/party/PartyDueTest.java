package cn.redlive.party;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The due-and-overdue view in Asia/Shanghai days. An obligation shows as "due" from 14 days before its date through
 * the date itself, and "overdue" from the day after; each test probes the days either side of both edges.
 */
@DisplayName("Managers see what is due and overdue on any day")
class PartyDueTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("a talk is owed within one month of the application")
  void talkWithinAMonth() {
    long team = people.team();
    long id = inTeam(team);
    people.ok(id, "application", "2025-03-10");

    assertStatus(team, "talk", "2025-03-26", null);
    assertStatus(team, "talk", "2025-03-27", "due");
    assertStatus(team, "talk", "2025-04-10", "due");
    assertStatus(team, "talk", "2025-04-11", "overdue");

    people.ok(id, "talk", "2025-04-12");
    assertStatus(team, "talk", "2025-04-12", null);
  }

  @Test
  @DisplayName("an activist is assessed every six months, counted from the last assessment")
  void sixMonthlyAssessment() {
    long team = people.team();
    long id = inTeam(team);
    people.ok(id, "application", "2024-01-02");
    people.ok(id, "talk", "2024-01-10");
    people.ok(id, "activist", "2024-01-10");

    assertStatus(team, "assessment", "2024-06-25", null);
    assertStatus(team, "assessment", "2024-06-26", "due");
    assertStatus(team, "assessment", "2024-07-10", "due");
    assertStatus(team, "assessment", "2024-07-11", "overdue");

    people.ok(id, "assessment", "2024-07-20");
    assertStatus(team, "assessment", "2024-07-21", null);
    assertStatus(team, "assessment", "2025-01-06", "due");
    assertStatus(team, "assessment", "2025-01-21", "overdue");
  }

  @Test
  @DisplayName("an approval still pending three months after the branch meeting is overdue")
  void approvalPastThreeMonths() {
    long team = people.team();
    long id = inTeam(team);
    people.toProbationary(id, "2021-09-01");

    assertStatus(team, "approval", "2021-11-16", null);
    assertStatus(team, "approval", "2021-11-17", "due");
    assertStatus(team, "approval", "2021-12-01", "due");
    assertStatus(team, "approval", "2021-12-02", "overdue");

    people.ok(id, "committee_talk", "2021-12-05");
    people.ok(id, "approval", "2021-12-05");
    assertStatus(team, "approval", "2021-12-06", null);
  }

  @Test
  @DisplayName("a probation whose year is up shows from its last day, and an extension moves it")
  void probationYearUp() {
    long team = people.team();
    long id = inTeam(team);
    people.toApproved(id, "2021-09-01", "2021-10-01");

    assertStatus(team, "probation_end", "2022-08-17", null);
    assertStatus(team, "probation_end", "2022-08-18", "due");
    assertStatus(team, "probation_end", "2022-09-01", "due");
    assertStatus(team, "probation_end", "2022-09-02", "overdue");

    people.ok(id, new JsonObject().put("kind", "extension").put("on", "2022-09-02").put("months", 6));
    assertStatus(team, "probation_end", "2022-09-02", null);
    assertStatus(team, "probation_end", "2023-03-02", "overdue");
  }

  @Test
  @DisplayName("filings, the pre-review and the archiving are owed within a month of the step before them")
  void filingsWithinAMonth() {
    long team = people.team();
    long id = inTeam(team);
    people.toActivist(id);
    assertStatus(team, "activist_filing", "2020-04-01", "due");
    assertStatus(team, "activist_filing", "2020-04-02", "overdue");
    people.ok(id, "activist_filing", "2020-04-02");
    assertStatus(team, "activist_filing", "2020-04-02", null);

    people.ok(id, "development_target", "2021-03-05");
    assertStatus(team, "target_filing", "2021-04-05", "due");
    assertStatus(team, "target_filing", "2021-04-06", "overdue");
    people.ok(id, "target_filing", "2021-03-06");
    people.ok(id, People.named("sponsors", "2021-03-10", "sponsors", "马建国", "周海峰"));
    people.ok(id, People.review("2021-03-20", "合格"));
    people.ok(id, People.training("2021-04-01", 24));
    people.ok(id, "committee_review", "2021-04-10");
    assertStatus(team, "pre_review", "2021-04-25", null);
    assertStatus(team, "pre_review", "2021-04-26", "due");
    assertStatus(team, "pre_review", "2021-05-10", "due");
    assertStatus(team, "pre_review", "2021-05-11", "overdue");
    people.ok(id, "pre_review", "2021-04-20");
    people.ok(id, "application_form", "2021-05-01");
    people.ok(id, People.meeting("2021-09-01", 20, 15, 12));
    people.ok(id, "committee_talk", "2021-10-01");
    people.ok(id, "approval", "2021-10-01");
    assertStatus(team, "probation_filing", "2021-11-01", "due");
    assertStatus(team, "probation_filing", "2021-11-02", "overdue");
  }

  @Test
  @DisplayName("the view filters by status and kind and pages soonest first")
  void filtersAndPages() {
    long team = people.team();
    people.ok(inTeam(team), "application", "2025-01-01");
    people.ok(inTeam(team), "application", "2025-03-01");
    people.ok(inTeam(team), "application", "2025-03-05");

    Reply overdue = due(team, "2025-03-31", "&status=overdue");
    Reply page = due(team, "2025-03-31", "&size=1&page=2");

    assertEquals(1, overdue.json().getLong("total"));
    assertEquals("2025-02-01", overdue.json().getJsonArray("items").getJsonObject(0).getString("dueOn"));
    assertEquals(3, page.json().getLong("total"));
    assertEquals("2025-04-01", page.json().getJsonArray("items").getJsonObject(0).getString("dueOn"));
    assertEquals(0, due(team, "2025-03-31", "&kind=assessment").json().getLong("total"));
    assertEquals("2025-03-31", page.json().getString("asOf"));
  }

  @Test
  @DisplayName("a streamer who leaves the base owes nothing, and owes again on coming back")
  void leaversOweNothing() {
    long team = people.team();
    long id = inTeam(team);
    people.ok(id, "application", "2025-03-10");
    assertStatus(team, "talk", "2025-04-11", "overdue");

    setStatus(id, "left");
    Reply afterLeaving = api.get("/api/v1/party/due?asOf=2025-04-11&kind=talk&size=200").as(people.managerToken()).send();
    assertEquals(false, afterLeaving.body().contains("\"streamerId\":" + id + ","), afterLeaving::toString);

    setStatus(id, "pool");
    people.join(id, team);
    assertStatus(team, "talk", "2025-04-11", "overdue");
  }

  private void setStatus(long id, String status) {
    Reply reply = api.method("PATCH", "/api/v1/streamers/" + id).as(people.managerToken())
        .json(new JsonObject().put("status", status)).send();
    assertEquals(200, reply.status(), reply::toString);
  }

  private long inTeam(long team) {
    long id = people.streamer();
    people.join(id, team);
    return id;
  }

  private Reply due(long team, String asOf, String extra) {
    Reply reply = api.get("/api/v1/party/due?team=" + team + "&asOf=" + asOf + extra).as(people.managerToken()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply;
  }

  /** The obligation of this kind shows with {@code expected} status on {@code asOf}, or not at all when null. */
  private void assertStatus(long team, String kind, String asOf, String expected) {
    var items = due(team, asOf, "&kind=" + kind).json().getJsonArray("items");
    String actual = items.isEmpty() ? null : items.getJsonObject(0).getString("status");
    assertEquals(expected, actual, kind + " on " + asOf);
  }
}
