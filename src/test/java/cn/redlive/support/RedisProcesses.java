package cn.redlive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the tests' own Redis servers share: asking one with redis-cli, seeing it accept, killing it by its pid. */
final class RedisProcesses {

  private RedisProcesses() {
  }

  static boolean accepts(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** redis-cli's answer; a command that fails (non-zero exit) is an assertion failure. */
  static String cli(int port, String... command) {
    List<String> line = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    line.addAll(List.of(command));
    return run(line);
  }

  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish");
      }
      if (process.exitValue() != 0) throw new AssertionError(command + " failed: " + out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** SIGKILL, as a crash, and wait until it is gone. */
  static void kill(Process process) {
    if (process == null) return;
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
