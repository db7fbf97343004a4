package cn.redlive.web;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Answers at the protocol's edges: odd tokens, huge headers, wrong methods, events without ids")
class EdgeAnswersTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a validly signed token whose claims cannot be read (sub \"abc\", a numeric role, tv \"x\") answers 401")
  void unreadableClaims() {
    Vertx vertx = Vertx.vertx();
    try {
      JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
          .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestApp.JWT_SECRET)));
      JWTOptions options = new JWTOptions().setAlgorithm("HS256").setIssuer(Tokens.ISSUER).setExpiresInMinutes(5);
      for (JsonObject claims : new JsonObject[] {
          new JsonObject().put("sub", "abc").put("role", "manager").put("tv", 0),
          new JsonObject().put("sub", "1").put("role", 7).put("tv", 0),
          new JsonObject().put("sub", "1").put("role", "manager").put("tv", "x"),
          new JsonObject().put("sub", "99999999999999999999").put("role", "manager")}) {
        Reply reply = api.get("/api/v1/me").as(jwt.generateToken(claims, options)).send();
        assertProblem(reply, 401, "invalid-token");
      }
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("headers over 8 KB answer 431 with a problem+json body")
  void hugeHeaders() {
    Reply reply = api.get("/api/v1/me").header("X-Padding", "a".repeat(9000)).send();
    assertEquals(431, reply.status(), reply::toString);
    assertTrue(String.valueOf(reply.contentType()).startsWith("application/problem+json"), reply::toString);
    assertEquals(431, reply.json().getInteger("status"));
    assertEquals("https://redlive.cn/problems/headers-too-large", reply.json().getString("type"));
  }

  @Test
  @DisplayName("a 405 names the methods the path allows in Allow")
  void allowHeader() {
    Reply login = api.delete("/api/v1/auth/login").send();
    assertProblem(login, 405, "method-not-allowed");
    assertEquals("POST", login.header("Allow"));
    Reply product = api.method("PUT", "/api/v1/products/1").as(api.managerToken()).send();
    assertProblem(product, 405, "method-not-allowed");
    assertEquals("GET, PATCH", product.header("Allow"));
  }

  @Test
  @DisplayName("a rejected event without an eventId is named by its index, never with a null eventId; 2^64+100 fen is absurd")
  void rejectedEventIds() {
    String ingest = api.newUser("ingest").token();
    Reply reply = api.post("/api/v1/live/events").as(ingest).raw("application/json", """
        {"producerId": "edge-%s", "sequence": 1, "events": [
          {"type": "like", "sessionId": 1},
          {"eventId": "e-2", "type": "order", "sessionId": 1, "orderId": "o-2", "productId": 1, "quantity": 1,
           "amountFen": 18446744073709551716}
        ]}""".formatted(TestApp.uniqueName("p"))).send();
    assertEquals(200, reply.status(), reply::toString);
    JsonArray rejected = reply.json().getJsonArray("rejected");
    assertEquals(2, rejected.size(), reply::toString);
    JsonObject first = rejected.getJsonObject(0);
    assertEquals(0, first.getInteger("index"));
    assertFalse(first.containsKey("eventId"), first::encode);
    assertEquals("absurd-amount", rejected.getJsonObject(1).getString("reason"), reply::toString);
  }
}
