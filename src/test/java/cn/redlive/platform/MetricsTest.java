package cn.redlive.platform;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Prometheus metrics")
class MetricsTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("/metrics exposes HTTP server, PG pool, Redis and JVM meters in Prometheus format")
  void exposesMeters() {
    api.get("/api/v1/me").as(api.managerToken()).send();
    api.get("/health/ready").send();

    Reply metrics = api.get("/metrics").send();

    assertEquals(200, metrics.status());
    String text = metrics.body();
    assertTrue(text.contains("vertx_http_server_requests_total"), "HTTP server requests");
    assertTrue(text.matches("(?s).*route=\"[^\"]*/me[^\"]*\".*"), "requests labelled by route template");
    assertTrue(text.contains("vertx_pool_"), "PG pool");
    assertTrue(text.contains("lettuce_command_"), "Redis commands");
    assertTrue(text.contains("jvm_memory_used_bytes"), "JVM");
  }
}
