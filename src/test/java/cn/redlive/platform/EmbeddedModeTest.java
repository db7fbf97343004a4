package cn.redlive.platform;

import cn.redlive.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real entry point in its own JVM, as a user would, and stops it with SIGTERM and with kill -9. */
@DisplayName("Embedded default mode")
class EmbeddedModeTest {

  private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

  @Test
  @DisplayName("starts with nothing configured, keeps data across restarts, leaves no process behind, recovers after kill -9")
  void embeddedLifecycle() throws Exception {
    Path dataDir = Files.createTempDirectory("redlive-embedded-test");
    int port = freePort();
    Api api = new Api("http://127.0.0.1:" + port);

    Server first = Server.start(dataDir, port, "first");
    awaitReady(api, first);
    String password = first.printedPassword().orElseThrow(() -> new AssertionError("first start prints the manager password"));
    api.login("admin", password);
    List<ProcessHandle> children = embeddedProcesses(dataDir);
    assertEquals(2, children.size(), "an embedded PostgreSQL and an embedded Redis run");

    first.terminate();
    assertAllExit(children, "SIGTERM stops the embedded servers too");

    Server second = Server.start(dataDir, port, "second");
    awaitReady(api, second);
    assertTrue(second.printedPassword().isEmpty(), "the password is printed only once");
    api.login("admin", password);

    second.kill();
    Server third = Server.start(dataDir, port, "third");
    awaitReady(api, third);
    api.login("admin", password);
    List<ProcessHandle> afterRecovery = embeddedProcesses(dataDir);

    third.terminate();
    assertAllExit(afterRecovery, "no postgres or redis process is left");
  }

  private record Server(Process process, Path log) {

    static Server start(Path dataDir, int port, String name) throws IOException {
      Path log = dataDir.resolve(name + ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "cn.redlive.Main")
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("REDLIVE_DATA_DIR", dataDir.toString());
      builder.environment().put("REDLIVE_HTTP_PORT", Integer.toString(port));
      builder.environment().put("REDLIVE_HTTP_HOST", "127.0.0.1");
      builder.environment().put("REDLIVE_HTTP_INSTANCES", "1");
      builder.environment().remove("REDLIVE_DATABASE_URL");
      builder.environment().remove("REDLIVE_REDIS_URI");
      return new Server(builder.start(), log);
    }

    Optional<String> printedPassword() throws IOException {
      Matcher m = PRINTED_PASSWORD.matcher(Files.readString(log));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    void terminate() throws Exception {
      process.destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "server stops after SIGTERM");
    }

    void kill() throws Exception {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void awaitReady(Api api, Server server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(server.process().isAlive(), () -> "server exited early:\n" + read(server.log()));
      try {
        if (api.get("/health/ready").send().status() == 200) return;
      } catch (AssertionError notYet) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError("server not ready in time:\n" + read(server.log()));
  }

  private static void assertAllExit(List<ProcessHandle> processes, String message) {
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(message + ": pid " + process.pid() + " still runs");
      }
    }
  }

  private static List<ProcessHandle> embeddedProcesses(Path dataDir) {
    List<ProcessHandle> found = new ArrayList<>();
    StaleProcess.readPid(dataDir.resolve("postgres/postmaster.pid")).flatMap(ProcessHandle::of).ifPresent(found::add);
    StaleProcess.readPid(dataDir.resolve("redis/redis.pid")).flatMap(ProcessHandle::of).ifPresent(found::add);
    found.forEach(p -> assertTrue(p.isAlive(), "embedded server " + p.pid() + " runs"));
    return found;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
