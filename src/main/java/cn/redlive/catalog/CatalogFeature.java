package cn.redlive.catalog;

import cn.redlive.brand.Brands;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;

/** Catalog uploads (streamed), their import jobs and error reports. */
public final class CatalogFeature implements Feature {

  private final CatalogImports imports;
  private final CatalogRoutes routes;

  public CatalogFeature(Vertx vertx, Pool pool, Brands brands, Path dataDir) {
    this.imports = new CatalogImports(vertx, new ImportRepository(pool), new StagedRowRepository(pool), pool, brands);
    this.routes = new CatalogRoutes(vertx, imports, dataDir);
  }

  public CatalogImports imports() {
    return imports;
  }

  @Override
  public void register(ApiRoutes api) {
    routes.register(api);
  }
}
