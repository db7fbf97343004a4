package cn.redlive.catalog;

import cn.redlive.web.QueryParams;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.web.Respond;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;

/**
 * HTTP face of catalog imports. The upload ({@code startCatalogImport}, {@code x-streamed} in the contract) is
 * mounted on the root router, ahead of the API's 1 MiB body handler, and streams to a temporary file.
 */
public final class CatalogRoutes {

  public static final String UPLOAD_PATH = "/api/v1/catalog/imports";
  public static final String UPLOAD_OPERATION = "startCatalogImport";
  private static final int ERRORS_SHOWN = 100;

  private final CatalogImports imports;
  private final UploadReceiver receiver;

  public CatalogRoutes(Vertx vertx, CatalogImports imports, Path dataDir) {
    this.imports = imports;
    this.receiver = new UploadReceiver(vertx, dataDir.resolve("uploads"));
  }

  public void register(ApiRoutes api) {
    api.handle("downloadCatalogTemplate", rc -> rc.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"catalog-template.csv\"")
        .end(CatalogTemplate.csv()));
    api.handle("listCatalogImports", rc -> {
      Paging paging = QueryParams.paging(rc);
      Respond.ok(rc, imports.list(CurrentPrincipal.of(rc), paging.size(), paging.offset())
          .map(page -> paging.envelope(page.items(), page.total())));
    });
    api.handle("getCatalogImport", rc -> Respond.ok(rc, imports.get(CurrentPrincipal.of(rc), QueryParams.pathId(rc, "importId"), ERRORS_SHOWN)));
    api.handle("downloadCatalogImportErrors", rc -> imports.errorReport(CurrentPrincipal.of(rc), QueryParams.pathId(rc, "importId"))
        .onSuccess(csv -> rc.response()
            .putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"import-" + rc.pathParam("importId") + "-errors.csv\"")
            .end(csv))
        .onFailure(rc::fail));
    api.stream(UPLOAD_OPERATION, this::upload);
  }

  private void upload(RoutingContext rc) {
    String mode = rc.queryParams().get("mode");
    if (mode != null && !mode.equals("dry-run") && !mode.equals("commit")) {
      rc.fail(ProblemException.invalidField("mode", "must be dry-run or commit"));
      return;
    }
    Long brandId;
    try {
      brandId = QueryParams.optionalLong(rc, "brandId");
    } catch (ProblemException e) {
      rc.fail(e);
      return;
    }
    String fileName = rc.queryParams().get("fileName");
    if (fileName == null) fileName = rc.request().getHeader("X-File-Name");
    boolean dryRun = !"commit".equals(mode);
    String name = fileName;
    Long brand = brandId;
    receiver.receive(rc.request())
        .compose(received -> imports.start(CurrentPrincipal.of(rc), brand, dryRun, name, received.file(), received.bytes())
            .onFailure(e -> rc.vertx().fileSystem().delete(received.file().toString())))
        .onSuccess(job -> {
          rc.response().putHeader("Location", UPLOAD_PATH + "/" + job.json().getLong("id"));
          Respond.send(rc, 202, job);
        })
        .onFailure(rc::fail);
  }
}
