package cn.redlive.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL 17 run as a child process with its cluster under data/postgres. Blocking: call off the event loop. */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;
  private final Path directory;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  public static EmbeddedPostgresServer start(Path dataDir) {
    return startOnPort(dataDir, StaleProcess.freePort());
  }

  /** Restarting on the same port lets clients that remember the address reconnect. */
  public static EmbeddedPostgresServer startOnPort(Path dataDir, int port) {
    Path directory = dataDir.resolve("postgres");
    try {
      Files.createDirectories(directory);
      StaleProcess.stopLeftover(directory.resolve("postmaster.pid"), "postgres");
      long started = System.nanoTime();
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPort(port)
          .setLocaleConfig("encoding", "UTF8")
          .setLocaleConfig("locale", "C")
          // a product's data, not a test fixture: keep durability on
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("timezone", "Asia/Shanghai")
          .setServerConfig("max_connections", "200")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
      log.info("embedded PostgreSQL started on port {} in {} ms, data in {}",
          postgres.getPort(), (System.nanoTime() - started) / 1_000_000, directory);
      return new EmbeddedPostgresServer(postgres, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start in " + directory, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String url() {
    return "postgresql://postgres@127.0.0.1:" + port() + "/postgres";
  }

  /** The postmaster's pid, for checks that nothing is left running. */
  public long pid() {
    return StaleProcess.readPid(directory.resolve("postmaster.pid")).orElse(-1L);
  }

  @Override
  public void close() {
    try {
      postgres.close();
      log.info("embedded PostgreSQL stopped");
    } catch (IOException e) {
      log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
