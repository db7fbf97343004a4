package cn.redlive.support;

import cn.redlive.platform.EmbeddedRedisServer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A private server on a Redis of its own, which a test stops and starts again on the same port. */
public final class OwnRedis implements AutoCloseable {

  private final Path dataDir = TestServers.newDataDir();
  private EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir);
  private final int port = redis.port();
  private final TestApp app;

  private OwnRedis(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("redis.uri", redis.uri());
    this.app = TestApp.start(settings);
  }

  /** With a short Redis command timeout, so calls while Redis is down answer fast. */
  public static OwnRedis start() {
    return new OwnRedis(Map.of("redis.commandTimeoutMs", "500"));
  }

  public TestApp app() {
    return app;
  }

  public EmbeddedRedisServer redis() {
    return redis;
  }

  public void stopRedis() {
    redis.close();
  }

  /** Starts Redis again on its port, with what it persisted (nothing, unless the test made it save). */
  public void startRedis() {
    redis = EmbeddedRedisServer.start(dataDir, port);
  }

  @Override
  public void close() {
    app.stop();
    redis.close();
  }
}
