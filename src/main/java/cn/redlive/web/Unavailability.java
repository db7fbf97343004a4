package cn.redlive.web;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

import java.net.ConnectException;

/** Recognises failures that mean "PostgreSQL or Redis is down right now": those answer 503, not 500. */
public final class Unavailability {

  private Unavailability() {
  }

  public static boolean isDependencyDown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof RedisConnectionException
          || t instanceof RedisCommandTimeoutException
          || t instanceof io.vertx.core.http.HttpClosedException) {
        return true;
      }
      String message = String.valueOf(t.getMessage());
      if (t instanceof RedisException && message.contains("not connected")) return true;
      if (message.contains("Connection refused") || message.contains("Timeout while waiting for a connection")
          || message.contains("Pool closed") || message.contains("the database system is shutting down")
          || message.contains("terminating connection due to administrator command")) {
        return true;
      }
      if (t.getCause() == t) break;
    }
    return false;
  }
}
