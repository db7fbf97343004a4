package cn.redlive.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Days and months at the base are Asia/Shanghai calendar days, whatever the server's own time zone. */
public final class BaseDays {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * The wall clock. The server's one business clock is created from it in the composition root (tests pass their
   * own); it is read directly only where another party stamps or checks the time against it: JWT expiry, which
   * vertx-auth checks on the system clock, login back-off, measured from the database's now(), and the Last-Modified
   * of a bundled file that has no modification time.
   */
  public static final Clock WALL = Clock.systemUTC();

  private BaseDays() {
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  public static LocalDate dayOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }
}
