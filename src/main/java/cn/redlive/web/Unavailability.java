package cn.redlive.web;

import cn.redlive.platform.SqlStates;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures that mean "PostgreSQL or Redis is down or overloaded right now": those answer 503, not 500.
 * Decided by exception type and SQLSTATE only; message texts change between versions and locales.
 */
public final class Unavailability {

  /**
   * SQLSTATEs of a server that cannot serve now but will: class 08 (connection exception) is matched by prefix;
   * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 starting up, 53300 too many connections, 53000/53100/53200
   * out of resources, 57014 a statement cancelled by statement_timeout, 40P01/40001 a deadlock or serialization
   * failure still failing after its retries.
   */
  private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53000", "53100",
      "53200", "57014", "40P01", "40001");

  private Unavailability() {
  }

  public static boolean isDependencyDown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isOutage(t)) return true;
    }
    return false;
  }

  private static boolean isOutage(Throwable t) {
    String state = SqlStates.of(t);
    if (state != null && t instanceof io.vertx.pgclient.PgException) {
      return state.startsWith("08") || TRANSIENT_SQL_STATES.contains(state);
    }
    // Redis answered with an error: a bug or bad data (500), unless it is loading its data set or busy in a script
    if (t instanceof RedisLoadingException || t instanceof RedisBusyException) return true;
    if (t instanceof RedisCommandExecutionException) return false;
    // every other Lettuce failure is about the connection: refused, disconnected, rejected while reconnecting,
    // timed out, closed
    if (t instanceof RedisException) return true;
    // refused, reset or closed connections; not every IOException (a bad upload is the client's problem)
    return t instanceof SocketException
        || t instanceof ClosedChannelException
        || t instanceof io.netty.channel.unix.Errors.NativeIoException
        || t instanceof ClosedConnectionException
        || t instanceof HttpClosedException
        || t instanceof ConnectionPoolTooBusyException
        || t instanceof TimeoutException
        || PoolTimeout.is(t);
  }
}
