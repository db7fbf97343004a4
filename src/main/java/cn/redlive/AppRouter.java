package cn.redlive;

import cn.redlive.web.AccessLog;
import cn.redlive.web.AllowedMethods;
import cn.redlive.web.ApiRouter;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ProblemResponder;
import cn.redlive.web.RequestDeadline;
import cn.redlive.web.RequestIds;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** Assembles the HTTP surface: operations endpoints, the contract, the features' API, web assets and errors. */
final class AppRouter {

  private static final int[] ERROR_STATUSES = {400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431, 500, 501, 503};

  private AppRouter() {
  }

  static Router create(Vertx vertx, Services services) {
    Router root = Router.router(vertx);
    ProblemResponder problems = new ProblemResponder(new AllowedMethods(services.contract()));
    // one route with three handlers: the router matches it once per request instead of three times
    root.route().handler(services.httpMetrics()).handler(new RequestIds()).handler(new AccessLog());

    services.health().mount(root);
    root.get("/metrics").handler(PrometheusScrapingHandler.create(services.registry()));
    root.get("/api/v1/openapi.yaml").handler(rc -> rc.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .sendFile(ApiRouter.CONTRACT_PATH));

    ApiRoutes routes = services.features().routes();
    var gate = services.features().account().gate();
    // streamed uploads go ahead of the API router, whose body handler buffers at most 1 MiB
    ApiRouter.mountStreamed(root, services.contract(), routes, services.tokens(), gate);
    root.route(ApiRouter.BASE_PATH + "/*").handler(new RequestDeadline(services.config().httpRequestTimeoutMs()));
    ApiRouter.mount(root, vertx, services.contract(), routes, services.tokens(), gate,
        services.config().bodyLimitBytes(), problems);
    services.webAssets().mount(root);

    root.route().failureHandler(problems);
    for (int status : ERROR_STATUSES) root.errorHandler(status, problems);
    return root;
  }
}
