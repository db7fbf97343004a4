package cn.redlive;

import cn.redlive.platform.BaseDays;
import cn.redlive.account.AccountService;
import cn.redlive.account.FirstManager;
import cn.redlive.demo.DemoData;
import cn.redlive.demo.PeopleDemoData;
import cn.redlive.platform.AppConfig;
import cn.redlive.platform.Broadcast;
import cn.redlive.platform.Database;
import cn.redlive.platform.EmbeddedPostgresServer;
import cn.redlive.platform.EmbeddedRedisServer;
import cn.redlive.platform.Health;
import cn.redlive.platform.JwtSecret;
import cn.redlive.platform.Metrics;
import cn.redlive.platform.Migrations;
import cn.redlive.platform.Redis;
import cn.redlive.web.ApiRouter;
import cn.redlive.web.HttpMetrics;
import cn.redlive.web.HttpServerVerticle;
import cn.redlive.web.RequestIds;
import cn.redlive.web.Tokens;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running RedLive server: configuration, then infrastructure (embedded or external PostgreSQL and Redis),
 * migrations, accounts, demo data, and the HTTP verticles. {@link #stop()} undoes it all in reverse order.
 */
public final class RedLiveApp {

  private static final Logger log = LoggerFactory.getLogger(RedLiveApp.class);

  private final AppConfig config;
  private final Clock clock;
  private final Vertx vertx;
  private final AtomicBoolean draining = new AtomicBoolean();
  private EmbeddedPostgresServer embeddedPostgres;
  private EmbeddedRedisServer embeddedRedis;
  private Pool pool;
  private Redis redis;
  private Broadcast accountNews;
  private String deploymentId;
  private final AtomicReference<HttpServerVerticle> firstVerticle = new AtomicReference<>();
  private Services services;

  private RedLiveApp(AppConfig config, Vertx vertx, Clock clock) {
    this.config = config;
    this.vertx = vertx;
    this.clock = clock;
  }

  /** Starts a server on the system clock; blocks the calling thread (never call it on an event loop). */
  public static RedLiveApp start(AppConfig config) {
    return start(config, BaseDays.WALL);
  }

  /** Starts a server whose day rules read {@code clock} (tests pass a fixed or settable one). */
  public static RedLiveApp start(AppConfig config, Clock clock) {
    RequestIds.register();
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(Metrics.vertxOptions()))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    RedLiveApp app = new RedLiveApp(config, vertx, clock);
    log.info("starting RedLive with {}", config);
    try {
      await(app.startInfrastructure()
          .compose(v -> app.connect(registry))
          .compose(v -> app.deploy()), Duration.ofMinutes(5));
      return app;
    } catch (RuntimeException e) {
      log.error("RedLive failed to start: {}", e.getMessage());
      app.stop();
      throw e;
    }
  }

  private Future<Void> startInfrastructure() {
    return vertx.executeBlocking(() -> {
      if (config.embeddedDatabase()) embeddedPostgres = EmbeddedPostgresServer.start(config.dataDir());
      if (config.embeddedRedis()) embeddedRedis = EmbeddedRedisServer.start(config.dataDir());
      return null;
    });
  }

  private Future<Void> connect(PrometheusMeterRegistry registry) {
    String databaseUrl = config.embeddedDatabase() ? embeddedPostgres.url() : config.databaseUrl();
    String redisUri = config.embeddedRedis() ? embeddedRedis.uri() : config.redisUri();
    PgConnectOptions pgOptions = Database.connectOptions(databaseUrl, config.databaseUser(), config.databasePassword(),
        config.databaseStatementTimeoutMs(), config.databaseTransactionPooler());
    PgConnectOptions migrationOptions = config.databaseMigrationUrl().isEmpty() ? pgOptions
        : Database.connectOptions(config.databaseMigrationUrl(), config.databaseUser(), config.databasePassword());
    return Migrations.migrate(vertx, migrationOptions)
        .compose(v -> Redis.connect(vertx, redisUri, Duration.ofMillis(config.redisCommandTimeoutMs()), registry))
        .compose(connected -> {
          redis = connected;
          pool = Database.pool(vertx, pgOptions, config.databasePoolSize(), config.databaseAcquireTimeoutMs());
          return ApiRouter.loadContract(vertx);
        })
        .compose(contract -> Broadcast.start(vertx, redis, AccountService.NEWS_CHANNEL).map(news -> {
          accountNews = news;
          return contract;
        }))
        .compose(contract -> vertx.executeBlocking(() -> JwtSecret.resolve(config)).map(secret -> {
          Tokens tokens = new Tokens(vertx, secret, config.tokenTtlMinutes());
          Features features = Features.wire(vertx, config, pool, redis, registry, tokens, accountNews, clock);
          services = new Services(config, registry, contract, tokens, features, new Health(pool, redis, draining, features.live()::liveStateReport),
              new HttpMetrics(registry), WebAssets.create(vertx));
          return null;
        }))
        .compose(v -> features().account().service().reloadRevocations())
        .compose(v -> FirstManager.ensure(features().account().service(), config.bootstrapManagerUsername(),
            config.bootstrapManagerPassword()))
        .compose(v -> features().catalog().start())
        .compose(v -> config.demo() ? loadDemo(features()) : Future.succeededFuture());
  }

  private Future<Void> loadDemo(Features f) {
    return DemoData.load(pool, f.account().service(), f.brand().brands(), f.product().products())
        .compose(loaded -> PeopleDemoData.load(pool, f.team().teams(), f.streamer().streamers(), f.party().party(),
            f.study().study(), clock))
        .compose(loaded -> DemoData.loadSales(pool));
  }

  private Features features() {
    return services.features();
  }

  private Future<Void> deploy() {
    DeploymentOptions options = new DeploymentOptions().setInstances(config.httpInstances());
    return vertx.deployVerticle(() -> {
          HttpServerVerticle verticle = new HttpServerVerticle(config.httpHost(), config.httpPort(),
              config.shutdownGraceSeconds(), () -> AppRouter.create(vertx, services), services.httpMetrics().connections());
          firstVerticle.compareAndSet(null, verticle);
          return verticle;
        }, options)
        .onSuccess(id -> {
          deploymentId = id;
          features().live().startSettlement();
          features().party().start();
          features().team().teams().applyDueMovesEvery(vertx, Duration.ofSeconds(30));
          log.info("RedLive listening on http://{}:{}", config.httpHost(), port());
        })
        .mapEmpty();
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int port() {
    return firstVerticle.get().actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Requests the router is handling right now (the same gauge /metrics shows). */
  public double activeRequests() {
    return services.registry().get("vertx.http.server.active.requests").gauge().value();
  }

  public EmbeddedPostgresServer embeddedPostgres() {
    return embeddedPostgres;
  }

  public EmbeddedRedisServer embeddedRedis() {
    return embeddedRedis;
  }

  /**
   * Answers 503 on readiness for http.drainSeconds while serving everything else (a balancer takes this instance
   * out meanwhile), then drains HTTP (no new connections, in-flight requests finish), closes clients, stops Vert.x,
   * then the embedded servers. Blocks.
   */
  public void stop() {
    draining.set(true);
    if (deploymentId != null && config.drainSeconds() > 0) {
      log.info("draining: /health/ready answers 503 for {} s, then the server stops", config.drainSeconds());
      quietly("drain", () -> sleep(Duration.ofSeconds(config.drainSeconds())));
    }
    if (services != null) {
      features().live().stopSettlement();
      features().catalog().stop();
    }
    Duration grace = Duration.ofSeconds(config.shutdownGraceSeconds() + 5L);
    quietly("undeploy", () -> {
      if (deploymentId != null) await(vertx.undeploy(deploymentId), grace);
    });
    quietly("database pool", () -> {
      if (pool != null) await(pool.close(), Duration.ofSeconds(5));
    });
    quietly("Redis client", () -> {
      if (redis != null) redis.close();
    });
    quietly("Vert.x", () -> await(vertx.close(), Duration.ofSeconds(10)));
    quietly("embedded Redis", () -> {
      if (embeddedRedis != null) embeddedRedis.close();
    });
    quietly("embedded PostgreSQL", () -> {
      if (embeddedPostgres != null) embeddedPostgres.close();
    });
    log.info("RedLive stopped");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void quietly(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn("stopping {} failed: {}", what, e.getMessage());
    }
  }

  /** Start-up and shutdown only, from the main or shutdown-hook thread; refuses to block an event loop. */
  static <T> T await(Future<T> future, Duration timeout) {
    if (io.vertx.core.Context.isOnEventLoopThread()) {
      throw new IllegalStateException("RedLiveApp.await would block an event loop");
    }
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out after " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
