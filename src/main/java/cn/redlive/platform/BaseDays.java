package cn.redlive.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Days and months at the base are Asia/Shanghai calendar days, whatever the server's own time zone. */
public final class BaseDays {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private BaseDays() {
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  public static LocalDate dayOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }
}
