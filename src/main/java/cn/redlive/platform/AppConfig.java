package cn.redlive.platform;

import java.nio.file.Path;
import java.util.Map;

/** Typed configuration of one server instance; see config/application.yaml for each key. */
public record AppConfig(
    String httpHost,
    int httpPort,
    int httpInstances,
    long bodyLimitBytes,
    int shutdownGraceSeconds,
    int drainSeconds,
    Path dataDir,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int databasePoolSize,
    int databaseStatementTimeoutMs,
    int databaseAcquireTimeoutMs,
    boolean databaseTransactionPooler,
    String databaseMigrationUrl,
    int httpRequestTimeoutMs,
    String redisUri,
    int redisCommandTimeoutMs,
    long liveStreamBytes,
    int liveSettleEveryMs,
    int liveSettleBatch,
    int catalogImportLeaseSeconds,
    String jwtSecret,
    int tokenTtlMinutes,
    int pbkdf2Iterations,
    String bootstrapManagerUsername,
    String bootstrapManagerPassword,
    int freeFailedLogins,
    int hashingThreads,
    int concurrentLoginsPerName,
    int concurrentLoginsPerAddress,
    boolean demo) {

  public static AppConfig load(Map<String, String> overrides) {
    Path file = Path.of(System.getenv().getOrDefault("REDLIVE_CONFIG", "config/application.yaml"));
    return from(Config.load(file, System.getenv(), overrides));
  }

  public static AppConfig from(Config c) {
    int instances = c.integer("http.instances");
    // a bad Redis URI fails here, with the setting's name, before anything starts
    if (!c.string("redis.uri").isBlank()) RedisAddress.parse(c.string("redis.uri"));
    return new AppConfig(
        c.string("http.host"),
        c.integer("http.port"),
        instances > 0 ? instances : Runtime.getRuntime().availableProcessors(),
        c.integer("http.bodyLimitBytes"),
        c.integer("http.shutdownGraceSeconds"),
        c.integer("http.drainSeconds"),
        Path.of(c.string("data.dir")).toAbsolutePath().normalize(),
        c.string("database.url"),
        c.string("database.user"),
        c.string("database.password"),
        c.integer("database.poolSize"),
        c.integer("database.statementTimeoutMs"),
        c.integer("database.acquireTimeoutMs"),
        c.bool("database.transactionPooler"),
        c.string("database.migrationUrl"),
        c.integer("http.requestTimeoutMs"),
        c.string("redis.uri"),
        c.integer("redis.commandTimeoutMs"),
        c.integer("live.streamBytes"),
        c.integer("live.settleEveryMs"),
        c.integer("live.settleBatch"),
        c.integer("catalog.importLeaseSeconds"),
        c.string("auth.jwtSecret"),
        c.integer("auth.tokenTtlMinutes"),
        c.integer("auth.pbkdf2Iterations"),
        c.string("auth.bootstrapManager.username"),
        c.string("auth.bootstrapManager.password"),
        c.integer("auth.freeFailedLogins"),
        c.integer("auth.hashingThreads"),
        c.integer("auth.concurrentLoginsPerName"),
        c.integer("auth.concurrentLoginsPerAddress"),
        c.bool("demo"));
  }

  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  public boolean embeddedRedis() {
    return redisUri.isEmpty();
  }

  public AppConfig withDemo(boolean on) {
    return new AppConfig(httpHost, httpPort, httpInstances, bodyLimitBytes, shutdownGraceSeconds, drainSeconds, dataDir,
        databaseUrl, databaseUser, databasePassword, databasePoolSize, databaseStatementTimeoutMs,
        databaseAcquireTimeoutMs, databaseTransactionPooler, databaseMigrationUrl, httpRequestTimeoutMs, redisUri, redisCommandTimeoutMs, liveStreamBytes,
        liveSettleEveryMs, liveSettleBatch, catalogImportLeaseSeconds, jwtSecret, tokenTtlMinutes, pbkdf2Iterations, bootstrapManagerUsername, bootstrapManagerPassword,
        freeFailedLogins, hashingThreads, concurrentLoginsPerName, concurrentLoginsPerAddress, on);
  }

  /** Never print secrets: this is what start-up logs. */
  @Override
  public String toString() {
    return "AppConfig[http=" + httpHost + ":" + httpPort + " x" + httpInstances
        + ", dataDir=" + dataDir
        + ", database=" + (embeddedDatabase() ? "embedded" : "external")
        + ", redis=" + (embeddedRedis() ? "embedded" : "external")
        + ", demo=" + demo + "]";
  }
}
