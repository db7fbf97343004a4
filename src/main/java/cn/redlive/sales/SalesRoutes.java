package cn.redlive.sales;

import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.web.QueryParams;
import cn.redlive.web.Respond;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import cn.redlive.core.Problem;
import cn.redlive.core.ProblemException;

/** HTTP face of the sales ledger: manager imports and entry listing. */
public final class SalesRoutes {

  private final SalesImports imports;
  private final SalesLedger ledger;

  public SalesRoutes(SalesImports imports, SalesLedger ledger) {
    this.imports = imports;
    this.ledger = ledger;
  }

  static final String IMPORT_OPERATION = "importSales";
  static final long IMPORT_LIMIT_BYTES = 8L * 1024 * 1024;

  /**
   * The import takes a CSV body larger than the API router's 1 MiB JSON limit, so it is streamed: the request stays
   * paused until the caller is authenticated, nobody uploads megabytes before showing a manager's token.
   */
  private void importCsv(RoutingContext rc) {
    readBody(rc).compose(body -> imports.importCsv(body.getBytes(), QueryParams.text(rc, "fileName"),
            CurrentPrincipal.of(rc).accountId(), "true".equals(QueryParams.text(rc, "dryRun"))))
        .onSuccess(result -> Respond.send(rc, 200, result))
        .onFailure(rc::fail);
  }

  private static Future<Buffer> readBody(RoutingContext rc) {
    Promise<Buffer> done = Promise.promise();
    Buffer body = Buffer.buffer();
    rc.request().handler(chunk -> {
      if (body.length() + chunk.length() > IMPORT_LIMIT_BYTES) {
        done.tryFail(new ProblemException(new Problem("file-too-large", "File too large", 413,
            "The file is larger than 8 MiB; split it and import the parts.", java.util.List.of())));
        rc.request().pause();
        return;
      }
      body.appendBuffer(chunk);
    });
    rc.request().endHandler(v -> done.tryComplete(body));
    rc.request().exceptionHandler(done::tryFail);
    rc.request().resume();
    return done.future();
  }

  public void register(ApiRoutes api) {
    api.stream(IMPORT_OPERATION, this::importCsv);
    api.handle("listSalesEntries", rc -> Respond.ok(rc, ledger.list(new SalesLedger.Filter(QueryParams.optionalLong(rc, "streamerId"),
        QueryParams.text(rc, "orderId"), QueryParams.optionalDate(rc, "from"), QueryParams.optionalDate(rc, "to"),
        QueryParams.text(rc, "after")), QueryParams.paging(rc))));
  }
}
