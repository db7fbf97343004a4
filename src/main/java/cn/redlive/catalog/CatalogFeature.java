package cn.redlive.catalog;

import cn.redlive.brand.Brands;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.time.Duration;

/** Catalog uploads (streamed), their import jobs and error reports. */
public final class CatalogFeature implements Feature {

  private final CatalogImports imports;
  private final CatalogRoutes routes;

  public CatalogFeature(Vertx vertx, Pool pool, Brands brands, Path dataDir, Duration importLease) {
    this.imports = new CatalogImports(vertx, new ImportRepository(pool), new StagedRowRepository(pool), pool, brands,
        importLease);
    this.routes = new CatalogRoutes(vertx, imports, dataDir);
  }

  /** Starts the import lease: jobs a dead instance left are failed now, and then within a lease of its death. */
  public Future<Void> start() {
    return imports.startLease();
  }

  public void stop() {
    imports.stopLease();
  }

  @Override
  public void register(ApiRoutes api) {
    routes.register(api);
  }
}
