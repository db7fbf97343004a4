package cn.redlive.account;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Slows down password guessing per account: the first {@code freeFailures} wrong passwords cost nothing extra,
 * after that each attempt must wait 1, 2, 4 ... seconds (at most 15 minutes) after the last failure.
 * State lives in PostgreSQL, so every server instance applies the same limit.
 */
record LoginThrottle(int freeFailures) {

  private static final long MAX_WAIT_SECONDS = 15 * 60;

  /** Seconds the caller must still wait, or 0 when an attempt is allowed now. */
  long secondsToWait(int failedLogins, OffsetDateTime lastFailedAt, OffsetDateTime now) {
    if (failedLogins < freeFailures || lastFailedAt == null) return 0;
    int excess = Math.min(failedLogins - freeFailures, 20);
    long wait = Math.min(1L << excess, MAX_WAIT_SECONDS);
    long elapsed = Duration.between(lastFailedAt, now).toSeconds();
    return Math.max(0, wait - elapsed);
  }
}
