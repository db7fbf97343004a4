package cn.redlive.account;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Managers administer accounts")
class AccountAdministrationTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a manager creates an account without a password and the temporary one works once shown")
  void createWithGeneratedPassword() {
    String username = TestApp.uniqueName("ingest");
    Reply created = api.post("/api/v1/accounts").as(api.managerToken())
        .json(new JsonObject().put("username", username).put("displayName", "直播数据接入").put("role", "ingest")).send();

    assertEquals(201, created.status(), created::toString);
    String temporary = created.json().getString("temporaryPassword");
    assertNotNull(temporary);
    assertTrue(created.json().getJsonObject("account").getBoolean("mustChangePassword"));
    api.login(username, temporary);
  }

  @Test
  @DisplayName("enabling an account that is already active keeps its tokens working")
  void enablingAnActiveAccountKeepsItsTokens() {
    var user = api.newUser("streamer");
    Reply enabled = api.post("/api/v1/accounts/" + user.id() + "/enable").as(api.managerToken()).send();

    assertEquals(200, enabled.status(), enabled::toString);
    assertEquals("active", enabled.json().getString("status"));
    Reply me = api.get("/api/v1/me").as(user.token()).send();
    assertEquals(200, me.status(), me::toString);
  }

  @Test
  @DisplayName("a taken username answers 409 and changes nothing")
  void duplicateUsername() {
    var user = api.newUser("streamer");
    Reply again = api.post("/api/v1/accounts").as(api.managerToken())
        .json(new JsonObject().put("username", user.username()).put("displayName", "另一个").put("role", "manager")
            .put("password", "some-long-password")).send();

    assertProblem(again, 409, "username-taken");
    api.login(user.username(), user.password());
  }

  @Test
  @DisplayName("invalid fields are reported one by one")
  void invalidFieldsAreListed() {
    Reply reply = api.post("/api/v1/accounts").as(api.managerToken())
        .json(new JsonObject().put("username", "x").put("displayName", "").put("role", "emperor")).send();

    assertProblem(reply, 400, "validation");
    var fields = reply.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList();
    assertTrue(fields.containsAll(java.util.List.of("username", "displayName", "role")), fields::toString);
  }

  @Test
  @DisplayName("a password reset issues a temporary password and revokes the old one")
  void resetPassword() {
    var user = api.newUser("brand_partner");
    Reply reset = api.post("/api/v1/accounts/" + user.id() + "/password-reset").as(api.managerToken()).send();

    assertEquals(200, reset.status(), reset::toString);
    assertEquals(401, api.post("/api/v1/auth/login")
        .json(new JsonObject().put("username", user.username()).put("password", user.password())).send().status());
    api.login(user.username(), reset.json().getString("temporaryPassword"));
    assertEquals(401, api.get("/api/v1/me").as(user.token()).send().status());
  }

  @Test
  @DisplayName("managers list accounts filtered by role and paginated")
  void listByRole() {
    api.newUser("ingest");
    Reply page = api.get("/api/v1/accounts?role=ingest&size=1").as(api.managerToken()).send();

    assertEquals(200, page.status(), page::toString);
    assertEquals(1, page.json().getJsonArray("items").size());
    assertTrue(page.json().getLong("total") >= 1);
    assertEquals("ingest", page.json().getJsonArray("items").getJsonObject(0).getString("role"));
  }

  @Test
  @DisplayName("managers count accounts per role and status, and a disabled account moves between the counts")
  void countsPerRoleAndStatus() {
    var partner = api.newUser("brand_partner");
    long active = partnerCount("active");
    long disabled = partnerCount("disabled");

    assertEquals(200, api.post("/api/v1/accounts/" + partner.id() + "/disable").as(api.managerToken()).send().status());

    assertEquals(active - 1, partnerCount("active"));
    assertEquals(disabled + 1, partnerCount("disabled"));
    assertProblem(api.get("/api/v1/account-counts").as(api.newUser("streamer").token()).send(), 403, "role-not-allowed");
  }

  private long partnerCount(String status) {
    Reply reply = api.get("/api/v1/account-counts").as(api.managerToken()).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("counts").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("role").equals("brand_partner") && c.getString("status").equals(status))
        .mapToLong(c -> c.getLong("total")).sum();
  }

  @Test
  @DisplayName("a streamer may not list, create or disable accounts")
  void streamerIsNotAManager() {
    var streamer = api.newUser("streamer");
    assertProblem(api.get("/api/v1/accounts").as(streamer.token()).send(), 403, "role-not-allowed");
    assertProblem(api.post("/api/v1/accounts").as(streamer.token())
        .json(new JsonObject().put("username", "sneaky").put("displayName", "x").put("role", "manager")).send(),
        403, "role-not-allowed");
    assertProblem(api.post("/api/v1/accounts/" + streamer.id() + "/disable").as(streamer.token()).send(),
        403, "role-not-allowed");
  }

  @Test
  @DisplayName("anyone reads their own account, but another's answers 404 without its data")
  void ownAccountOnly() {
    var streamer = api.newUser("streamer");
    var partner = api.newUser("brand_partner");

    Reply own = api.get("/api/v1/accounts/" + streamer.id()).as(streamer.token()).send();
    Reply other = api.get("/api/v1/accounts/" + partner.id()).as(streamer.token()).send();

    assertEquals(streamer.username(), own.json().getString("username"));
    assertProblem(other, 404, "not-found");
    assertTrue(!other.body().contains(partner.username()));
    assertEquals(200, api.get("/api/v1/accounts/" + partner.id()).as(api.managerToken()).send().status());
  }

  @Test
  @DisplayName("an unknown account id answers 404")
  void unknownAccount() {
    assertProblem(api.get("/api/v1/accounts/987654321").as(api.managerToken()).send(), 404, "not-found");
  }

  @Test
  @DisplayName("a manager cannot disable their own account")
  void cannotDisableSelf() {
    var manager = api.newUser("manager");
    assertProblem(api.post("/api/v1/accounts/" + manager.id() + "/disable").as(manager.token()).send(),
        422, "cannot-disable-self");
  }
}
