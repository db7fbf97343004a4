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
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Managers print a development record as the branch files it")
class PartyPrintTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("the printable record has one page per stage with dates, names and blanks for steps not yet taken")
  void onePagePerStage() {
    long id = people.streamer();
    people.toDevelopmentTarget(id);
    people.ok(id, People.named("sponsors", "2021-03-10", "sponsors", "马建国", "<script>x</script>"));

    Reply print = api.get("/api/v1/streamers/" + id + "/party/print").as(people.managerToken()).send();
    assertEquals(200, print.status(), print::toString);
    assertTrue(print.contentType().startsWith("text/html"), print.contentType());
    String html = print.body();
    assertEquals(5, html.split("<section data-phase=").length - 1, "one page per stage");
    assertTrue(html.contains("<tr data-kind=\"activist\"><td>3</td><td>推荐和确定入党积极分子</td><td>2020-03-01</td>"), html);
    assertTrue(html.contains("入党介绍人：马建国、&lt;script&gt;x&lt;/script&gt;"), "names are escaped");
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("<td>20</td><td>入党宣誓</td><td>未记录</td>"), "steps not taken are left blank");
  }

  @Test
  @DisplayName("every print is audited, and only managers may print, not the streamer themself nor a brand partner")
  void auditedAndManagersOnly() {
    var me = people.streamerWithLogin();
    people.ok(me.streamerId(), "application", "2020-01-10");
    String path = "/api/v1/streamers/" + me.streamerId() + "/party/print";

    assertEquals(200, api.get(path).as(people.managerToken()).send().status());
    assertProblem(api.get(path).as(me.token()).send(), 403, "role-not-allowed");
    assertProblem(api.get(path).as(api.newUser("brand_partner").token()).send(), 403, "role-not-allowed");
    assertProblem(api.get(path).as(api.newUser("ingest").token()).send(), 403, "role-not-allowed");

    JsonObject latest = api.get("/api/v1/streamers/" + me.streamerId() + "/party/audit").as(people.managerToken())
        .send().json().getJsonArray("items").getJsonObject(0);
    assertEquals("read:print", latest.getString("action"));
    assertEquals("applicant", latest.getJsonObject("after").getString("stage"));
  }
}
