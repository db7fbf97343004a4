package cn.redlive.platform;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** One Prometheus registry per server: Vert.x (HTTP server, PG pool), Lettuce, JVM and domain meters all land here. */
public final class Metrics {

  private Metrics() {
  }

  public static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  public static MicrometerMetricsOptions vertxOptions() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // HTTP server meters come from the router (web.HttpMetrics): Vert.x's cost a registry lookup per meter
        // and request
        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
        .addLabels(Label.POOL_TYPE, Label.POOL_NAME);
  }
}
