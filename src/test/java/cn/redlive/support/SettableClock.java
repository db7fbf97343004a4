package cn.redlive.support;

import cn.redlive.platform.BaseDays;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves, so that day rules can be probed on their boundary days (Asia/Shanghai). */
public final class SettableClock extends Clock {

  private final AtomicReference<Instant> now;

  public SettableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** The clock at a local time of a base day. */
  public static SettableClock at(LocalDate day, LocalTime time) {
    return new SettableClock(day.atTime(time).atZone(BaseDays.ZONE).toInstant());
  }

  public void set(LocalDate day, LocalTime time) {
    now.set(day.atTime(time).atZone(BaseDays.ZONE).toInstant());
  }

  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
