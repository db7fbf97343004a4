package cn.redlive.platform;

import io.vertx.pgclient.PgException;

/** PostgreSQL failures recognised by SQLSTATE (stable across versions and locales), never by message text. */
public final class SqlStates {

  /** deadlock_detected: PostgreSQL failed one side of a lock cycle; the statement may simply run again. */
  public static final String DEADLOCK = "40P01";

  private SqlStates() {
  }

  /** The SQLSTATE of the first PostgreSQL error in the cause chain, or null. */
  public static String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) return pg.getSqlState();
    }
    return null;
  }

  public static boolean isDeadlock(Throwable failure) {
    return DEADLOCK.equals(of(failure));
  }
}
