package cn.redlive;

import cn.redlive.account.AccountGate;
import cn.redlive.account.AccountService;
import cn.redlive.brand.Brands;
import cn.redlive.catalog.CatalogImports;
import cn.redlive.live.LiveFeature;
import cn.redlive.product.Products;
import cn.redlive.selection.SelectionLists;
import cn.redlive.platform.AppConfig;
import cn.redlive.platform.Health;
import cn.redlive.platform.Redis;
import cn.redlive.web.HttpMetrics;
import cn.redlive.web.Tokens;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.sqlclient.Pool;

/** The shared, thread-safe pieces every HTTP verticle instance uses. */
record Services(
    AppConfig config,
    Pool pool,
    Redis redis,
    PrometheusMeterRegistry registry,
    OpenAPIContract contract,
    Tokens tokens,
    AccountGate accountGate,
    AccountService accounts,
    PeopleFeatures people,
    LiveFeature live,
    Health health,
    Brands brands,
    Products products,
    CatalogImports catalogImports,
    SelectionLists selectionLists,
    SalesFeatures sales,
    HttpMetrics httpMetrics,
    WebAssets webAssets) {
}
