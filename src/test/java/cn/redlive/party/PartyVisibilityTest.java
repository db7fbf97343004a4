package cn.redlive.party;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("Political status is visible only to managers and the streamer themself")
class PartyVisibilityTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("a streamer reads their own Party record and audit entries")
  void ownRecord() {
    var me = people.streamerWithLogin();
    people.ok(me.streamerId(), "application", "2020-01-10");

    Reply record = api.get("/api/v1/streamers/" + me.streamerId() + "/party").as(me.token()).send();
    Reply audit = api.get("/api/v1/streamers/" + me.streamerId() + "/party/audit").as(me.token()).send();

    assertEquals(200, record.status(), record::toString);
    assertEquals("applicant", record.json().getString("stage"));
    assertEquals(200, audit.status(), audit::toString);
    assertEquals(1, audit.json().getLong("total"));
  }

  @Test
  @DisplayName("a streamer cannot read another streamer's Party record, audit entries or study details")
  void notAnotherStreamers() {
    var me = people.streamerWithLogin();
    var other = people.streamerWithLogin();
    people.ok(other.streamerId(), "application", "2020-01-10");
    String base = "/api/v1/streamers/" + other.streamerId();

    for (String path : new String[] {base + "/party", base + "/party/audit", base + "/study", base, base + "/teams",
        base + "/screenings"}) {
      Reply reply = api.get(path).as(me.token()).send();
      assertProblem(reply, 404, "not-found");
      assertFalse(reply.body().contains("applicant"), reply::toString);
    }
  }

  @Test
  @DisplayName("a brand partner sees none of it, not even their own nothing")
  void brandPartnerSeesNone() {
    var partner = api.newUser("brand_partner");
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    String base = "/api/v1/streamers/" + id;

    for (String path : new String[] {base + "/party", base + "/party/audit", base + "/study", base,
        "/api/v1/party/records", "/api/v1/party/due", "/api/v1/party/counts", "/api/v1/streamers"}) {
      Reply reply = api.get(path).as(partner.token()).send();
      assertProblem(reply, 403, "role-not-allowed");
      assertFalse(reply.body().contains("applicant"), reply::toString);
    }
  }

  @Test
  @DisplayName("only managers record steps and read the register, the due view and the counts")
  void streamersDoNotManage() {
    var me = people.streamerWithLogin();
    Reply step = api.post("/api/v1/streamers/" + me.streamerId() + "/party/steps").as(me.token())
        .json(new JsonObject().put("kind", "application").put("on", "2020-01-10")).send();
    assertProblem(step, 403, "role-not-allowed");
    assertProblem(api.get("/api/v1/party/records").as(me.token()).send(), 403, "role-not-allowed");
    assertProblem(api.get("/api/v1/party/due").as(me.token()).send(), 403, "role-not-allowed");
  }

  @Test
  @DisplayName("every change is audited with who, when, before and after, and managers read it")
  void auditTrail() {
    long id = people.streamer();
    people.toActivist(id);

    Reply audit = api.get("/api/v1/streamers/" + id + "/party/audit").as(people.managerToken()).send();
    assertEquals(200, audit.status(), audit::toString);
    var entries = audit.json().getJsonArray("items");
    assertEquals(3, entries.size());
    JsonObject latest = entries.getJsonObject(0);
    assertEquals("step:activist", latest.getString("action"));
    assertEquals("applicant", latest.getJsonObject("before").getString("stage"));
    assertEquals("activist", latest.getJsonObject("after").getString("stage"));
    JsonObject actor = api.get("/api/v1/accounts/" + latest.getLong("actorId")).as(people.managerToken()).send().json();
    assertEquals(TestApp.MANAGER, actor.getString("username"));
    assertEquals(actor.getString("displayName"), latest.getString("actorName"));
    assertEquals(false, latest.getString("at").isEmpty());
    assertNull(entries.getJsonObject(2).getValue("before"));
  }
}
