package cn.redlive.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the Flyway migrations under db/migration; JDBC is blocking, so it runs on a worker thread. */
public final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  public static Future<Void> migrate(Vertx vertx, PgConnectOptions options) {
    return vertx.executeBlocking(() -> {
      Flyway flyway = Flyway.configure()
          .dataSource(Database.jdbcUrl(options), options.getUser(), options.getPassword())
          .locations("classpath:db/migration")
          .connectRetries(3)
          .load();
      var result = flyway.migrate();
      log.info("database schema at version {} ({} migrations applied now)",
          flyway.info().current().getVersion(), result.migrationsExecuted);
      return null;
    });
  }
}
