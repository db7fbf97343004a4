package cn.redlive.platform;

import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.Reply;
import cn.redlive.support.ServerProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Draining behind a balancer")
class DrainTest {

  private static final int DRAIN_SECONDS = 3;

  /** A request a client sent, when, and how it ended: the status, or why it failed. */
  private record Sent(long atNanos, String outcome) {
  }

  @Test
  @DisplayName("after SIGTERM readiness answers 503 while every other request is served, then the server exits, failing no request sent before")
  void sigtermDrainsBeforeStopping() throws Exception {
    Path work = Files.createTempDirectory("redlive-drain-test");
    ServerProcess server = ServerProcess.start(work, "draining", ServerProcess.freePort(),
        ServerProcess.onSharedServers(work, Map.of("REDLIVE_HTTP_DRAIN_SECONDS", Integer.toString(DRAIN_SECONDS))));
    ExecutorService clients = Executors.newFixedThreadPool(2);
    AtomicBoolean stopClients = new AtomicBoolean();
    try {
      Api api = server.api();
      String token = api.managerToken();
      Queue<Sent> sent = new ConcurrentLinkedQueue<>();
      // an authenticated read and liveness, called over and over until the server is gone
      for (String path : List.of("/api/v1/me", "/health/live")) {
        Api own = new Api(api.baseUrl());
        clients.submit(() -> {
          while (!stopClients.get()) {
            long at = System.nanoTime();
            String outcome;
            try {
              outcome = Integer.toString(own.get(path).as(token).send().status());
            } catch (AssertionError failed) {
              outcome = failed.getMessage();
            }
            sent.add(new Sent(at, path + " " + outcome));
            if (!server.process().isAlive()) return;
          }
        });
      }
      Eventually.await("clients being answered", Duration.ofSeconds(30), sent::size, n -> n >= 10);

      long sigterm = System.nanoTime();
      server.process().destroy();
      Reply notReady = Eventually.await("readiness answering 503", Duration.ofSeconds(DRAIN_SECONDS),
          () -> api.get("/health/ready").send(), r -> r.status() == 503);
      long turned = System.nanoTime();

      assertEquals("DRAINING", notReady.json().getJsonObject("checks").getString("server"), notReady::toString);
      assertEquals(200, api.get("/health/live").send().status(), "liveness answers while draining");
      assertEquals(200, api.get("/api/v1/me").as(token).send().status(), "the API answers while draining");
      assertTrue(server.process().waitFor(60, TimeUnit.SECONDS), "the server exits after draining");
      long exited = System.nanoTime();
      stopClients.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "clients stopped");

      assertTrue(exited - sigterm >= TimeUnit.SECONDS.toNanos(DRAIN_SECONDS),
          "it kept serving for the whole delay: exited after " + (exited - sigterm) / 1_000_000 + " ms");
      List<Sent> failedBefore = sent.stream().filter(s -> s.atNanos() < turned && !s.outcome().endsWith(" 200")).toList();
      long answeredBefore = sent.stream().filter(s -> s.atNanos() < turned).count();
      assertEquals(List.of(), failedBefore, "of " + answeredBefore + " requests sent before readiness turned 503");
      assertTrue(server.output().contains("draining"), "the drain is logged");
    } finally {
      stopClients.set(true);
      clients.shutdownNow();
      if (server.process().isAlive()) server.kill();
    }
  }
}
