package cn.redlive.team;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("Teams, captains and team history")
class TeamsTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("moving a streamer between teams keeps the history with effective times")
  void historyIsKept() {
    long red = people.team();
    long blue = people.team();
    var me = people.streamerWithLogin();
    move(me.streamerId(), red, "2025-01-01T00:00:00+08:00");
    move(me.streamerId(), blue, "2025-03-01T00:00:00+08:00");

    Reply history = api.get("/api/v1/streamers/" + me.streamerId() + "/teams").as(me.token()).send();
    var items = history.json().getJsonArray("items");
    assertEquals(2, items.size());
    assertEquals(red, items.getJsonObject(0).getLong("teamId"));
    assertEquals("2024-12-31T16:00:00Z", items.getJsonObject(0).getString("from"));
    assertEquals("2025-02-28T16:00:00Z", items.getJsonObject(0).getString("until"));
    assertNull(items.getJsonObject(1).getValue("until"));
    assertEquals(blue, api.get("/api/v1/streamers/" + me.streamerId()).as(me.token()).send().json().getLong("teamId"));
  }

  @Test
  @DisplayName("a team change cannot be back-dated before the streamer's earlier history")
  void noOverlappingHistory() {
    long red = people.team();
    long blue = people.team();
    long id = people.streamer();
    move(id, red, "2025-03-01T00:00:00Z");
    Reply back = api.put("/api/v1/teams/" + blue + "/members/" + id).as(people.managerToken())
        .json(new JsonObject().put("from", "2025-02-01T00:00:00Z")).send();
    assertProblem(back, 422, "membership-before-previous");
    assertProblem(api.put("/api/v1/teams/" + red + "/members/" + id).as(people.managerToken()).send(), 422, "already-in-team");
  }

  @Test
  @DisplayName("the captain must be a member, and stops being captain on leaving the team")
  void captainIsAMember() {
    long red = people.team();
    long blue = people.team();
    long captain = people.streamer();
    long outsider = people.streamer();
    people.join(captain, red);

    assertProblem(appoint(red, outsider), 422, "captain-not-member");
    Reply appointed = appoint(red, captain);
    assertEquals(captain, appointed.json().getLong("captainStreamerId"));

    people.join(captain, blue);
    assertNull(api.get("/api/v1/teams/" + red).as(people.managerToken()).send().json().getValue("captainStreamerId"));
  }

  @Test
  @DisplayName("a streamer who leaves the base leaves their team and joins no other")
  void leaving() {
    long red = people.team();
    long id = people.streamer();
    people.join(id, red);
    Reply left = api.method("PATCH", "/api/v1/streamers/" + id).as(people.managerToken())
        .json(new JsonObject().put("status", "left")).send();
    assertEquals(200, left.status(), left::toString);
    assertNull(left.json().getValue("teamId"));
    assertProblem(api.put("/api/v1/teams/" + red + "/members/" + id).as(people.managerToken()).send(), 422, "streamer-has-left");
  }

  private void move(long streamerId, long teamId, String from) {
    Reply reply = api.put("/api/v1/teams/" + teamId + "/members/" + streamerId).as(people.managerToken())
        .json(new JsonObject().put("from", from)).send();
    assertEquals(200, reply.status(), reply::toString);
  }

  private Reply appoint(long teamId, long streamerId) {
    return api.put("/api/v1/teams/" + teamId + "/captain").as(people.managerToken())
        .json(new JsonObject().put("streamerId", streamerId)).send();
  }
}
