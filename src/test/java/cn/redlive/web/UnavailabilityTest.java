package cn.redlive.web;

import cn.redlive.platform.Database;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Failures of PostgreSQL and Redis are told apart by type and SQLSTATE")
class UnavailabilityTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("PostgreSQL starting up (57P03)", pg("the database system is starting up", "57P03"), true),
        Arguments.of("PostgreSQL shutting down (57P01)", pg("terminating connection due to administrator command", "57P01"), true),
        Arguments.of("a connection failure (08006)", pg("connection failure", "08006"), true),
        Arguments.of("a deadlock past its retries (40P01)", pg("deadlock detected", "40P01"), true),
        Arguments.of("a statement past statement_timeout (57014)", pg("canceling statement due to statement timeout", "57014"), true),
        Arguments.of("too many connections (53300)", pg("sorry, too many clients already", "53300"), true),
        Arguments.of("a unique violation (23505) is a bug, not an outage", pg("duplicate key value", "23505"), false),
        Arguments.of("a PostgreSQL message in another language", pg("数据库系统正在启动", "57P03"), true),
        Arguments.of("a connection reset during a restart", new SocketException("Connection reset"), true),
        Arguments.of("a refused connection", new ConnectException("拒绝连接"), true),
        Arguments.of("a closed PostgreSQL connection", ClosedConnectionException.INSTANCE, true),
        Arguments.of("Lettuce's disconnected connection", new RedisException("Connection disconnected"), true),
        Arguments.of("Lettuce rejecting commands while reconnecting", new RedisException("Currently not connected. Commands are rejected."), true),
        Arguments.of("a Redis connection refused", new RedisConnectionException("Unable to connect"), true),
        Arguments.of("a Redis command timeout", new RedisCommandTimeoutException("Command timed out after 2 second(s)"), true),
        Arguments.of("Redis loading its data set", new RedisLoadingException("LOADING Redis is loading the dataset in memory"), true),
        Arguments.of("a Redis error reply is a bug, not an outage", new RedisCommandExecutionException("WRONGTYPE Operation"), false),
        Arguments.of("a wrapped outage", new IllegalStateException("wrapped", pg("x", "57P03")), true),
        Arguments.of("a plain bug", new IllegalStateException("Connection refused appears only in this text"), false));
  }

  @ParameterizedTest(name = "{0}: outage = {2}")
  @MethodSource("failures")
  @DisplayName("each failure kind is classified")
  void classified(String what, Throwable failure, boolean outage) {
    assertEquals(outage, Unavailability.isDependencyDown(failure), what);
  }

  @Test
  @DisplayName("a request that waited past the pool's acquire timeout is an outage")
  void poolAcquireTimeoutIsAnOutage() throws Exception {
    Vertx vertx = TestApp.shared().server().vertx();
    Pool pool = Database.pool(vertx, Database.connectOptions(TestServers.postgres().url(), "", ""), 1, 200);
    try {
      SqlConnection held = pool.getConnection().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      try {
        Throwable failure = pool.query("SELECT 1").execute().toCompletionStage().toCompletableFuture()
            .handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
        assertTrue(failure != null, "the second query had to wait for the only connection");
        assertTrue(Unavailability.isDependencyDown(failure), "pool exhaustion answers 503: " + failure);
      } finally {
        held.close();
      }
    } finally {
      pool.close();
    }
  }

  private static PgException pg(String message, String state) {
    return new PgException(message, "FATAL", state, null);
  }
}
