package cn.redlive.platform;

import cn.redlive.support.Eventually;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Readiness follows PostgreSQL and Redis")
class ReadinessTest {

  @Test
  @DisplayName("readiness answers 503 while Redis is stopped and 200 once it is back, and the API keeps working")
  void readinessFollowsRedis(Vertx vertx) throws Exception {
    var dataDir = TestServers.newDataDir();
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir);
    int port = redis.port();
    TestApp app = TestApp.start(Map.of("redis.uri", redis.uri(), "redis.commandTimeoutMs", "500"));
    WebClient client = WebClient.create(vertx);
    try {
      assertEquals(200, ready(client, app).statusCode);

      redis.close();
      Ready down = ready(client, app);
      assertEquals(503, down.statusCode);
      assertEquals("DOWN", down.body.getJsonObject("checks").getString("redis"));
      assertEquals("UP", down.body.getJsonObject("checks").getString("postgres"));
      assertTrue(down.millis < 3_000, "readiness answers fast while Redis is down: " + down.millis + " ms");
      assertEquals(200, app.api().get("/api/v1/me").as(app.api().managerToken()).send().status(),
          "the rest of the API keeps working without Redis");

      redis = EmbeddedRedisServer.start(dataDir, port);
      assertEquals(200, awaitStatus(client, app, 200, Duration.ofSeconds(30)));
    } finally {
      app.stop();
      redis.close();
    }
  }

  @Test
  @DisplayName("readiness answers 503 while PostgreSQL is stopped and 200 once it is back")
  void readinessFollowsPostgres(Vertx vertx) throws Exception {
    var dataDir = TestServers.newDataDir();
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir);
    TestApp app = TestApp.start(Map.of("database.url", postgres.url()));
    WebClient client = WebClient.create(vertx);
    try {
      assertEquals(200, ready(client, app).statusCode);
      postgres.close();
      Ready down = ready(client, app);
      assertEquals(503, down.statusCode);
      assertEquals("DOWN", down.body.getJsonObject("checks").getString("postgres"));
      assertEquals(503, app.api().post("/api/v1/auth/login")
          .json(new JsonObject().put("username", "admin").put("password", "whatever-password")).send().status(),
          "a request needing the database answers 503, not 500 or a hang");

      postgres = EmbeddedPostgresServer.startOnPort(dataDir, postgres.port());
      assertEquals(200, awaitStatus(client, app, 200, Duration.ofSeconds(30)));
    } finally {
      app.stop();
      postgres.close();
    }
  }

  private record Ready(int statusCode, JsonObject body, long millis) {
  }

  private static Ready ready(WebClient client, TestApp app) throws Exception {
    long started = System.nanoTime();
    var response = client.get(app.server().port(), "127.0.0.1", "/health/ready").send()
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new Ready(response.statusCode(), response.bodyAsJsonObject(), (System.nanoTime() - started) / 1_000_000);
  }

  private static int awaitStatus(WebClient client, TestApp app, int wanted, Duration patience) {
    return Eventually.await("readiness " + wanted, patience, () -> {
      try {
        return ready(client, app).statusCode;
      } catch (Exception e) {
        return -1;
      }
    }, status -> status == wanted);
  }

}
