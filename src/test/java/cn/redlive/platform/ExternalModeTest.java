package cn.redlive.platform;

import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("External mode")
class ExternalModeTest {

  // The machine's own servers when they run (PostgreSQL 15 and Redis 7 on our machines); on a machine with only a JDK
  // and Maven, separately started embedded servers that the app reaches by URL just the same.
  private static final String LOCAL_POSTGRES = address("REDLIVE_TEST_EXTERNAL_PG", 5432, () -> TestServers.postgres().port());
  private static final String LOCAL_REDIS = address("REDLIVE_TEST_EXTERNAL_REDIS", 6379, () -> TestServers.redis().port());

  @Test
  @DisplayName("pointed at a PostgreSQL and a Redis it did not start, by URL, the server migrates, logs in and is ready")
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

  private static String address(String variable, int usualPort, IntSupplier fallbackPort) {
    String configured = System.getenv(variable);
    if (configured != null) return configured;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", usualPort), 500);
      return "127.0.0.1:" + usualPort;
    } catch (IOException nothingListens) {
      return "127.0.0.1:" + fallbackPort.getAsInt();
    }
  }
}
