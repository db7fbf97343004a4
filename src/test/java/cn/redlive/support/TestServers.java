package cn.redlive.support;

import cn.redlive.platform.EmbeddedPostgresServer;
import cn.redlive.platform.EmbeddedRedisServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

  /**
   * A new, empty database on the shared PostgreSQL, for a server whose data must not mix with the other tests'
   * (the demo data set, say); answers its URL.
   */
  public static String newDatabase(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    String admin = "jdbc:postgresql://127.0.0.1:" + postgres().port() + "/postgres?user=postgres";
    try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return "postgresql://postgres@127.0.0.1:" + postgres().port() + "/" + name;
  }

  /** The one value {@code sql} answers, on the database at {@code url} (a URL as {@link #newDatabase} answers). */
  public static long queryLong(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(url)); Statement statement = connection.createStatement();
         var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  /** The JDBC form of a URL as {@link #newDatabase} answers. */
  public static String jdbcUrl(String url) {
    return "jdbc:" + url.replace("postgresql://postgres@", "postgresql://") + "?user=postgres";
  }

  public static Path newDataDir() {
    return Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
  }
}
