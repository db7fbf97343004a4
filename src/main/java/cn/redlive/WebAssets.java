package cn.redlive;

import cn.redlive.web.StaticAssets;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The web app from webroot/ and ECharts from its webjar, held in memory once for every HTTP verticle. The app's
 * files keep their names between releases, so browsers revalidate them on each visit (a cheap 304); the vendor
 * URL carries the version, so it may be cached for a year.
 */
record WebAssets(StaticAssets echarts, StaticAssets app) {

  private static final String ECHARTS_PATH = "/vendor/echarts/5.3.1/";

  static WebAssets create(Vertx vertx) {
    return new WebAssets(
        new StaticAssets(vertx, ECHARTS_PATH, "META-INF/resources/webjars/echarts/5.3.1/dist",
            "public, max-age=31536000, immutable"),
        new StaticAssets(vertx, "/", "webroot", "no-cache"));
  }

  void mount(Router root) {
    root.route(ECHARTS_PATH + "*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(echarts);
    root.route().method(HttpMethod.GET).method(HttpMethod.HEAD).handler(app);
  }
}
