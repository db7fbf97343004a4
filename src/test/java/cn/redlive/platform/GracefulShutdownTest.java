package cn.redlive.platform;

import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Graceful shutdown")
class GracefulShutdownTest {

  /** Waits until the server itself reports the requests as active (the scrape itself is one more). */
  private static void awaitActiveRequests(TestApp app, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      String metrics = app.api().get("/metrics").send().body();
      double active = metrics.lines()
          .filter(l -> l.startsWith("vertx_http_server_active_requests"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .sum();
      if (active >= expected + 1) return;
      Thread.sleep(20);
    }
    throw new AssertionError("the requests never became active");
  }

  @Test
  @DisplayName("requests in flight when the server stops still finish with their real answer")
  void inFlightRequestsFinish() throws Exception {
    TestApp app = TestApp.start(Map.of());
    List<CompletableFuture<Reply>> inFlight = new ArrayList<>();
    // a login spends ~0.3 s hashing on a worker thread: long enough to be caught by the shutdown
    for (int i = 0; i < 4; i++) {
      inFlight.add(CompletableFuture.supplyAsync(() -> app.api().post("/api/v1/auth/login")
          .json(new JsonObject().put("username", TestApp.MANAGER).put("password", TestApp.MANAGER_PASSWORD)).send()));
    }
    awaitActiveRequests(app, inFlight.size());
    app.stop();

    for (CompletableFuture<Reply> request : inFlight) {
      Reply reply = request.get();
      assertEquals(200, reply.status(), reply::toString);
    }
  }
}
