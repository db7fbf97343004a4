package cn.redlive.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Recovery after a killed JVM: an embedded server started by the previous run may still be alive and
 * hold the data directory. Its pid file tells us which process it is; we stop it before starting anew.
 */
final class StaleProcess {

  private static final Logger log = LoggerFactory.getLogger(StaleProcess.class);

  private StaleProcess() {
  }

  static void stopLeftover(Path pidFile, String expectedCommand) {
    readPid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains(expectedCommand)).orElse(false))
        .ifPresent(p -> {
          log.warn("stopping leftover {} (pid {}) from a previous run", expectedCommand, p.pid());
          p.destroy();
          if (!waitForExit(p, Duration.ofSeconds(15))) {
            p.destroyForcibly();
            waitForExit(p, Duration.ofSeconds(5));
          }
        });
  }

  static Optional<Long> readPid(Path pidFile) {
    try {
      if (!Files.exists(pidFile)) return Optional.empty();
      String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static boolean waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return !process.isAlive();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
