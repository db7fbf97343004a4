package cn.redlive.support;

import cn.redlive.platform.EmbeddedPostgresServer;
import cn.redlive.platform.EmbeddedRedisServer;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One real PostgreSQL and one real Redis for the whole test JVM (embedded child processes, about 2 s to start),
 * stopped when the JVM exits. Tests that need to stop a server start their own instead.
 */
public final class TestServers {

  private static EmbeddedPostgresServer postgres;
  private static EmbeddedRedisServer redis;

  private TestServers() {
  }

  public static synchronized EmbeddedPostgresServer postgres() {
    if (postgres == null) {
      postgres = EmbeddedPostgresServer.start(newDataDir());
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
    }
    return postgres;
  }

  public static synchronized EmbeddedRedisServer redis() {
    if (redis == null) {
      redis = EmbeddedRedisServer.start(newDataDir());
      Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
    }
    return redis;
  }

  public static Path newDataDir() {
    return Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
  }
}
