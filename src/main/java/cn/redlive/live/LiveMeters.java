package cn.redlive.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Domain meters of live ingestion, exported on /metrics. */
final class LiveMeters {

  private final Counter accepted;
  private final Counter rejected;

  LiveMeters(MeterRegistry registry) {
    this.accepted = Counter.builder("redlive_live_events_accepted").description("live events counted").register(registry);
    this.rejected = Counter.builder("redlive_live_events_rejected").description("live events refused").register(registry);
  }

  void accepted(int acceptedEvents, int rejectedEvents) {
    accepted.increment(acceptedEvents);
    rejected.increment(rejectedEvents);
  }
}
