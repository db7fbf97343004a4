package cn.redlive.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Redis run as a child process, persisting to data/redis with an append-only file so live counters
 * survive a restart. Blocking: call off the event loop.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

  private final RedisServer server;
  private final int port;
  private final Path directory;

  private EmbeddedRedisServer(RedisServer server, int port, Path directory) {
    this.server = server;
    this.port = port;
    this.directory = directory;
  }

  public static EmbeddedRedisServer start(Path dataDir) {
    return start(dataDir, StaleProcess.freePort());
  }

  public static EmbeddedRedisServer start(Path dataDir, int port) {
    Path directory = dataDir.resolve("redis");
    try {
      Files.createDirectories(directory);
      Path pidFile = directory.resolve("redis.pid");
      StaleProcess.stopLeftover(pidFile, "redis-server");
      RedisServer server = RedisServer.newRedisServer()
          .bind("127.0.0.1")
          .port(port)
          .setting("dir " + directory)
          .setting("pidfile " + pidFile)
          .setting("appendonly yes")
          .setting("appendfsync everysec")
          .setting("save \"\"")
          .setting("daemonize no")
          .build();
      server.start();
      log.info("embedded Redis started on port {}, data in {}", port, directory);
      return new EmbeddedRedisServer(server, port, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not start in " + directory, e);
    }
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public long pid() {
    return StaleProcess.readPid(directory.resolve("redis.pid")).orElse(-1L);
  }

  @Override
  public void close() {
    try {
      server.stop();
      log.info("embedded Redis stopped");
    } catch (IOException e) {
      log.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
    }
  }
}
