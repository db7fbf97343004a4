package cn.redlive.web;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@DisplayName("Every error is RFC 9457 problem+json")
class ErrorResponsesTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("an unknown route answers 404")
  void unknownRoute() {
    assertProblem(api.get("/api/v1/no-such-thing").send(), 404, "not-found");
    assertProblem(api.get("/no-such-page").send(), 404, "not-found");
  }

  @Test
  @DisplayName("a known route with the wrong method answers 405")
  void wrongMethod() {
    assertProblem(api.delete("/api/v1/auth/login").send(), 405, "method-not-allowed");
  }

  @Test
  @DisplayName("malformed JSON answers 400 malformed-json")
  void malformedJson() {
    assertProblem(api.post("/api/v1/auth/login").raw("application/json", "{\"username\": ").send(), 400, "malformed-json");
  }

  @Test
  @DisplayName("a field of the wrong type answers 400 naming the field")
  void wrongType() {
    Reply reply = api.post("/api/v1/auth/login")
        .json(new JsonObject().put("username", 42).put("password", "x")).send();

    assertProblem(reply, 400, "validation");
    assertEquals("username", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  @DisplayName("a missing field answers 400 naming the field")
  void missingField() {
    Reply reply = api.post("/api/v1/auth/login").json(new JsonObject().put("username", "someone")).send();

    assertProblem(reply, 400, "validation");
    assertEquals("password", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  @DisplayName("a query parameter out of range answers 400 naming the parameter")
  void badQueryParameter() {
    Reply reply = api.get("/api/v1/accounts?size=100000").as(api.managerToken()).send();

    assertProblem(reply, 400, "validation");
    assertEquals("size", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  @DisplayName("no token answers 401 with a WWW-Authenticate challenge")
  void missingToken() {
    Reply reply = api.get("/api/v1/accounts").send();
    assertProblem(reply, 401, "missing-token");
    assertNotNull(reply.header("WWW-Authenticate"));
  }

  @Test
  @DisplayName("a garbage token answers 401")
  void garbageToken() {
    assertProblem(api.get("/api/v1/me").as("not.a.token").send(), 401, "invalid-token");
  }

  @Test
  @DisplayName("authentication is checked before the body: no token and a bad body is still 401")
  void authenticationBeforeValidation() {
    assertProblem(api.post("/api/v1/accounts").raw("application/json", "{oops").send(), 401, "missing-token");
  }

  @Test
  @DisplayName("the wrong role answers 403")
  void wrongRole() {
    var partner = api.newUser("brand_partner");
    assertProblem(api.get("/api/v1/accounts").as(partner.token()).send(), 403, "role-not-allowed");
  }

  @Test
  @DisplayName("a body over the limit answers 413")
  void bodyTooLarge() {
    String huge = "{\"username\":\"" + "x".repeat(1_100_000) + "\",\"password\":\"y\"}";
    assertProblem(api.post("/api/v1/auth/login").raw("application/json", huge).send(), 413, "payload-too-large");
  }

  @Test
  @DisplayName("every answer carries a request id, and a caller's own id is echoed")
  void requestIds() {
    assertNotNull(api.get("/health/live").send().header("X-Request-Id"));
    Reply echoed = api.get("/api/v1/nothing-here").header("X-Request-Id", "trace-abc-123").send();
    assertEquals("trace-abc-123", echoed.header("X-Request-Id"));
    assertEquals("trace-abc-123", echoed.json().getString("requestId"));
  }

  @Test
  @DisplayName("the server serves its OpenAPI 3.1 contract")
  void servesContract() {
    Reply reply = api.get("/api/v1/openapi.yaml").send();
    assertEquals(200, reply.status());
    assertFalse(reply.body().isBlank());
    assertEquals(true, reply.body().startsWith("openapi: 3.1"));
  }
}
