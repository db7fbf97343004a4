package cn.redlive.platform;

import cn.redlive.support.ServerProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    int port = ServerProcess.freePort();
    Map<String, String> env = Map.of("REDLIVE_DATA_DIR", dataDir.toString());

    ServerProcess first = ServerProcess.start(dataDir, "first", port, env);
    String password = printedPassword(first).orElseThrow(() -> new AssertionError("first start prints the manager password"));
    first.api().login("admin", password);
    List<ProcessHandle> children = embeddedProcesses(dataDir);
    assertEquals(2, children.size(), "an embedded PostgreSQL and an embedded Redis run");

    first.terminate();
    assertAllExit(children, "SIGTERM stops the embedded servers too");

    ServerProcess second = ServerProcess.start(dataDir, "second", port, env);
    assertTrue(printedPassword(second).isEmpty(), "the password is printed only once");
    second.api().login("admin", password);

    second.kill();
    ServerProcess third = ServerProcess.start(dataDir, "third", port, env);
    third.api().login("admin", password);
    List<ProcessHandle> afterRecovery = embeddedProcesses(dataDir);

    third.terminate();
    assertAllExit(afterRecovery, "no postgres or redis process is left");
  }

  private static Optional<String> printedPassword(ServerProcess server) {
    Matcher m = PRINTED_PASSWORD.matcher(server.output());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
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
}
