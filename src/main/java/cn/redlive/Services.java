package cn.redlive;

import cn.redlive.platform.AppConfig;
import cn.redlive.platform.Health;
import cn.redlive.web.HttpMetrics;
import cn.redlive.web.Tokens;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.openapi.contract.OpenAPIContract;

/** The shared, thread-safe pieces every HTTP verticle instance uses: the features and the HTTP plumbing. */
record Services(
    AppConfig config,
    PrometheusMeterRegistry registry,
    OpenAPIContract contract,
    Tokens tokens,
    Features features,
    Health health,
    HttpMetrics httpMetrics,
    WebAssets webAssets) {
}
