package cn.redlive.streamer;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The talent pool and red-room screening")
class TalentPoolTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("a streamer profile links only to a streamer account, and only once")
  void accountLink() {
    var partner = api.newUser("brand_partner");
    var me = people.streamerWithLogin();
    JsonObject body = new JsonObject().put("realName", "李四").put("stageName", "四哥").put("birthDate", "1990-01-01")
        .put("joinedOn", "2024-01-01");
    assertProblem(api.post("/api/v1/streamers").as(people.managerToken()).json(body.copy().put("accountId", partner.id())).send(),
        422, "account-not-streamer");
    assertProblem(api.post("/api/v1/streamers").as(people.managerToken()).json(body.copy().put("accountId", me.user().id())).send(),
        409, "account-already-linked");
    Reply mine = api.get("/api/v1/me/streamer").as(me.token()).send();
    assertEquals(me.streamerId(), mine.json().getLong("id"));
  }

  @Test
  @DisplayName("admission makes a streamer active in a red room, rejection returns them to the pool, all kept")
  void screening() {
    var me = people.streamerWithLogin();
    assertEquals("defer", screen(me.streamerId(), "defer", "2025-01-05").json().getString("decision"));
    assertEquals("pool", status(me.streamerId()));
    screen(me.streamerId(), "admit", "2025-02-05");
    assertEquals("active", status(me.streamerId()));
    var assessor = api.newUser("manager");
    JsonObject recorded = screen(me.streamerId(), "reject", "2025-03-05", assessor.token()).json();
    assertEquals("pool", status(me.streamerId()));
    assertEquals("测试manager", recorded.getString("assessorName"));

    Reply history = api.get("/api/v1/streamers/" + me.streamerId() + "/screenings").as(me.token()).send();
    assertEquals(3, history.json().getJsonArray("items").size());
    JsonObject latest = history.json().getJsonArray("items").getJsonObject(0);
    assertEquals("reject", latest.getString("decision"));
    assertEquals(assessor.id(), latest.getLong("assessorId"));
    assertEquals("测试manager", latest.getString("assessorName"));
  }

  @Test
  @DisplayName("managers list the pool filtered by team and status, page by page")
  void listFilters() {
    long team = people.team();
    for (int i = 0; i < 3; i++) people.join(people.streamer(), team);
    long active = people.streamer();
    people.join(active, team);
    screen(active, "admit", "2025-01-05");

    Reply all = api.get("/api/v1/streamers?team=" + team + "&size=2").as(people.managerToken()).send();
    Reply actives = api.get("/api/v1/streamers?team=" + team + "&status=active").as(people.managerToken()).send();
    assertEquals(4, all.json().getLong("total"));
    assertEquals(2, all.json().getJsonArray("items").size());
    assertEquals(1, actives.json().getLong("total"));
    assertProblem(api.get("/api/v1/streamers?status=retired").as(people.managerToken()).send(), 400, "validation");
  }

  private Reply screen(long id, String decision, String on) {
    return screen(id, decision, on, people.managerToken());
  }

  private Reply screen(long id, String decision, String on, String assessorToken) {
    Reply reply = api.post("/api/v1/streamers/" + id + "/screenings").as(assessorToken).json(new JsonObject()
        .put("conductScore", 5).put("businessScore", 4).put("notes", "思想端正").put("decision", decision)
        .put("assessedOn", on)).send();
    assertEquals(201, reply.status(), reply::toString);
    return reply;
  }

  private String status(long id) {
    return api.get("/api/v1/streamers/" + id).as(people.managerToken()).send().json().getString("status");
  }
}
