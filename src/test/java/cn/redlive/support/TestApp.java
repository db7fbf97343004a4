package cn.redlive.support;

import cn.redlive.RedLiveApp;
import cn.redlive.platform.AppConfig;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A RedLive server for black-box tests over HTTP. {@link #shared()} is one server for the whole test JVM, on the
 * shared embedded PostgreSQL and Redis; {@link #start(Map)} starts a private one with extra settings.
 */
public final class TestApp {

  public static final String MANAGER = "admin";
  public static final String MANAGER_PASSWORD = "manager-test-password";
  public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static TestApp shared;

  private final RedLiveApp app;
  private final Api api;
  private final String databaseUrl;

  private TestApp(RedLiveApp app, Map<String, String> settings) {
    this.app = app;
    this.api = new Api("http://127.0.0.1:" + app.port());
    this.databaseUrl = settings.get("database.url");
  }

  public static synchronized TestApp shared() {
    if (shared == null) {
      shared = start(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /** Settings for a server on the shared test databases; {@code extra} wins. */
  public static Map<String, String> settings(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("http.port", "0");
    settings.put("http.host", "127.0.0.1");
    settings.put("http.shutdownGraceSeconds", "10");
    settings.put("http.drainSeconds", "0");
    settings.put("data.dir", TestServers.newDataDir().toString());
    settings.put("database.url", TestServers.postgres().url());
    settings.put("redis.uri", TestServers.redis().uri());
    settings.put("auth.jwtSecret", JWT_SECRET);
    settings.put("auth.bootstrapManager.username", MANAGER);
    settings.put("auth.bootstrapManager.password", MANAGER_PASSWORD);
    settings.putAll(extra);
    // servers on one database settle each other's live sessions (each session by the one that claims its lease, from
    // its Redis): a server on a Redis of its own gets a database of its own, as every deployment pairs the two
    if (extra.containsKey("redis.uri") && !extra.containsKey("database.url")) {
      settings.put("database.url", TestServers.newDatabase("own_redis"));
    }
    return settings;
  }

  public static TestApp start(Map<String, String> extra) {
    Map<String, String> settings = settings(extra);
    return new TestApp(RedLiveApp.start(AppConfig.load(settings)), settings);
  }

  /** A private server whose day rules read {@code clock}, e.g. a {@link SettableClock} a test moves. */
  public static TestApp start(Map<String, String> extra, Clock clock) {
    Map<String, String> settings = settings(extra);
    return new TestApp(RedLiveApp.start(AppConfig.load(settings), clock), settings);
  }

  /** The one value {@code sql} answers on this server's database. */
  public long queryLong(String sql) {
    return TestServers.queryLong(databaseUrl, sql);
  }

  public Api api() {
    return api;
  }

  public RedLiveApp server() {
    return app;
  }

  /** A pool of the test's own on the shared database, for tests that hand a service its dependencies directly. */
  public io.vertx.sqlclient.Pool newPool(int size) {
    return cn.redlive.platform.Database.pool(app.vertx(), cn.redlive.platform.Database.connectOptions(TestServers.postgres().url(), "", ""), size);
  }

  public void stop() {
    app.stop();
  }

  /** A username no other test uses, so tests can share one database. */
  public static String uniqueName(String prefix) {
    return prefix + "." + ProcessHandle.current().pid() + "." + SEQUENCE.incrementAndGet();
  }
}
