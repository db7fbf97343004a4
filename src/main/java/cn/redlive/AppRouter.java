package cn.redlive;

import cn.redlive.account.AccountRoutes;
import cn.redlive.brand.BrandRoutes;
import cn.redlive.catalog.CatalogRoutes;
import cn.redlive.product.ProductRoutes;
import cn.redlive.selection.SelectionRoutes;
import cn.redlive.web.AccessLog;
import cn.redlive.web.AllowedMethods;
import cn.redlive.web.ApiRouter;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Authenticate;
import cn.redlive.web.ProblemResponder;
import cn.redlive.web.RequestDeadline;
import cn.redlive.web.RequestIds;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** Assembles the HTTP surface: operations endpoints, the contract, the API of every feature, and error rendering. */
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

    // streamed uploads go ahead of the API router, whose body handler buffers at most 1 MiB
    CatalogRoutes catalog = new CatalogRoutes(vertx, services.catalogImports(), services.config().dataDir());
    catalog.mountUpload(root, new Authenticate(services.tokens(), services.accountGate(),
        ApiRouter.streamedRoles(services.contract(), CatalogRoutes.UPLOAD_OPERATION)));

    services.sales().salesRoutes().mountImport(root, new Authenticate(services.tokens(), services.accountGate(),
        ApiRouter.streamedRoles(services.contract(), cn.redlive.sales.SalesRoutes.IMPORT_OPERATION)));

    ApiRoutes routes = features(services);
    catalog.register(routes);
    Router api = ApiRouter.create(vertx, services.contract(), routes, services.tokens(),
        services.accountGate(), services.config().bodyLimitBytes());
    api.route().failureHandler(problems);
    root.route(ApiRouter.BASE_PATH + "/*").handler(new RequestDeadline(services.config().httpRequestTimeoutMs()));
    root.route(ApiRouter.BASE_PATH + "/*").subRouter(api);
    services.webAssets().mount(root);

    root.route().failureHandler(problems);
    for (int status : ERROR_STATUSES) root.errorHandler(status, problems);
    return root;
  }

  /** Every feature registers its operations here. */
  private static ApiRoutes features(Services services) {
    ApiRoutes api = new ApiRoutes();
    new AccountRoutes(services.accounts()).register(api);
    services.live().register(api);
    services.people().register(api);
    new BrandRoutes(services.brands()).register(api);
    new ProductRoutes(services.products()).register(api);
    new SelectionRoutes(services.selectionLists()).register(api);
    services.sales().register(api);
    return api;
  }
}
