package cn.redlive.platform;

import cn.redlive.support.Eventually;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Graceful shutdown")
class GracefulShutdownTest {

  @Test
  @DisplayName("requests in flight when the server stops still finish with their real answer")
  void inFlightRequestsFinish() throws Exception {
    // six logins of one name at once count as attempts before their hash is checked: lift the per-name limits,
    // which are not under test here
    TestApp app = TestApp.start(Map.of("auth.concurrentLoginsPerName", "8", "auth.freeFailedLogins", "20"));
    List<CompletableFuture<Reply>> requests = new ArrayList<>();
    // its own threads: the common pool has a single thread on 2 cores and may be busy with other tests' work
    ExecutorService clients = Executors.newFixedThreadPool(6);
    // a login spends ~0.3 s hashing on a worker thread: long enough to be caught by the shutdown
    CountDownLatch sending = new CountDownLatch(6);
    for (int i = 0; i < 6; i++) {
      requests.add(CompletableFuture.supplyAsync(() -> {
        var call = app.api().post("/api/v1/auth/login")
            .json(new JsonObject().put("username", TestApp.MANAGER).put("password", TestApp.MANAGER_PASSWORD));
        sending.countDown();
        return call.send();
      }, clients));
    }
    sending.await();
    // stop while the server holds at least one of the logins
    Eventually.await("a login in flight", Duration.ofSeconds(10), () -> app.server().activeRequests(), n -> n >= 1);
    app.stop();

    int answered = 0;
    for (CompletableFuture<Reply> request : requests) {
      try {
        Reply reply = request.join();
        assertEquals(200, reply.status(), reply::toString);
        answered++;
      } catch (java.util.concurrent.CompletionException e) {
        // only a request the draining server never read may fail: refused, or its connection closed before the
        // server read a byte of it (the client then receives no bytes; a request read is in flight and answered)
        assertTrue(neverRead(e), e::toString);
      }
    }
    clients.shutdown();
    assertTrue(answered >= 1, "at least the request seen in flight was answered");
  }

  /** Refused (the JDK client may throw a ConnectException without a message) or closed before a byte came back. */
  private static boolean neverRead(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) return true;
      if (String.valueOf(cause.getMessage()).contains("received no bytes")) return true;
    }
    return false;
  }
}
