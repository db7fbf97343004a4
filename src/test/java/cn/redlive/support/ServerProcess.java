package cn.redlive.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real entry point (cn.redlive.Main) in its own JVM, for tests that stop it with SIGTERM or kill -9. */
public record ServerProcess(Process process, Path log, Api api) {

  public static ServerProcess start(Path workDir, String name, int port, Map<String, String> env) throws IOException {
    Files.createDirectories(workDir);
    Path log = workDir.resolve(name + ".log");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "cn.redlive.Main")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("REDLIVE_HTTP_PORT", Integer.toString(port));
    builder.environment().put("REDLIVE_HTTP_HOST", "127.0.0.1");
    builder.environment().put("REDLIVE_HTTP_INSTANCES", "1");
    builder.environment().remove("REDLIVE_DATABASE_URL");
    builder.environment().remove("REDLIVE_REDIS_URI");
    // no balancer to wait for, unless a test sets it
    builder.environment().put("REDLIVE_HTTP_DRAIN_SECONDS", "0");
    builder.environment().putAll(env);
    ServerProcess server = new ServerProcess(builder.start(), log, new Api("http://127.0.0.1:" + port));
    try {
      server.awaitReady();
    } catch (RuntimeException | Error notReady) {
      // a server that never became ready is still this test's child: stop it before failing, never leave it running
      server.process.destroyForcibly();
      try {
        server.process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw notReady;
    }
    return server;
  }

  /** The environment of a server process on the shared test PostgreSQL and Redis, the test manager and key, and {@code extra}. */
  public static Map<String, String> onSharedServers(Path workDir, Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "REDLIVE_DATA_DIR", workDir.resolve("data").toString(),
        "REDLIVE_DATABASE_URL", TestServers.postgres().url(),
        "REDLIVE_REDIS_URI", TestServers.redis().uri(),
        "REDLIVE_AUTH_JWT_SECRET", TestApp.JWT_SECRET,
        "REDLIVE_AUTH_BOOTSTRAP_MANAGER_PASSWORD", TestApp.MANAGER_PASSWORD));
    env.putAll(extra);
    return env;
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  public void terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("server did not stop after SIGTERM");
  }

  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private void awaitReady() {
    Eventually.await("the server being ready", Duration.ofSeconds(120), () -> {
      if (!process.isAlive()) throw new AssertionError("server exited early:\n" + output());
      try {
        return api.get("/health/ready").send().status();
      } catch (AssertionError notListeningYet) {
        return -1;
      }
    }, status -> status == 200);
  }


  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
