package cn.redlive.platform;

import cn.redlive.support.TestApp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("External mode")
class ExternalModeTest {

  private static final String LOCAL_POSTGRES = System.getenv().getOrDefault("REDLIVE_TEST_EXTERNAL_PG", "127.0.0.1:5432");
  private static final String LOCAL_REDIS = System.getenv().getOrDefault("REDLIVE_TEST_EXTERNAL_REDIS", "127.0.0.1:6379");

  @Test
  @DisplayName("pointed at the machine's PostgreSQL 15 and Redis 7 by URL, the server migrates, logs in and is ready")
  void runsOnExternalServers() throws Exception {
    String database = "redlive_ext_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (var admin = DriverManager.getConnection("jdbc:postgresql://" + LOCAL_POSTGRES + "/postgres", "postgres", "")) {
      admin.createStatement().execute("CREATE DATABASE " + database);
    }
    TestApp app = TestApp.start(Map.of(
        "database.url", "postgresql://" + LOCAL_POSTGRES + "/" + database,
        "database.user", "postgres",
        "database.password", "unused-with-trust-auth",
        "redis.uri", "redis://" + LOCAL_REDIS + "/0"));
    try {
      assertNull(app.server().embeddedPostgres(), "no embedded PostgreSQL in external mode");
      assertNull(app.server().embeddedRedis(), "no embedded Redis in external mode");
      assertEquals(200, app.api().get("/health/ready").send().status());
      assertEquals("manager", app.api().get("/api/v1/me").as(app.api().managerToken()).send().json().getString("role"));
    } finally {
      app.stop();
      try (var admin = DriverManager.getConnection("jdbc:postgresql://" + LOCAL_POSTGRES + "/postgres", "postgres", "")) {
        admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }
}
