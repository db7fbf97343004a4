package cn.redlive.catalog;

import cn.redlive.brand.Brands;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Catalog import jobs: started from an uploaded file, run on their own small worker pool (so a large import
 * never starves other blocking work), polled for progress, and their error reports downloaded.
 */
public final class CatalogImports {

  private static final int CONCURRENT_IMPORTS = 2;

  private final ImportRepository repository;
  private final StagedRowRepository staging;
  private final Pool pool;
  private final Brands brands;
  private final WorkerExecutor workers;
  private final BrandCommitQueue commits = new BrandCommitQueue(this::run);
  private final ImportLease lease;

  /** {@code pool} is handed to each run, which writes the products of one batch in its own transaction. */
  CatalogImports(Vertx vertx, ImportRepository repository, StagedRowRepository staging, Pool pool, Brands brands,
                 Duration lease) {
    this.repository = repository;
    this.lease = new ImportLease(vertx, repository, lease);
    this.staging = staging;
    this.pool = pool;
    this.brands = brands;
    this.workers = vertx.createSharedWorkerExecutor("catalog-import", CONCURRENT_IMPORTS, 30, TimeUnit.MINUTES);
  }

  /** Holds this instance's imports and fails those a stopped server left unfinished, so no UI polls them forever. */
  Future<Void> startLease() {
    return lease.start();
  }

  void stopLease() {
    lease.stop();
  }

  /** Creates the job and starts it; the answer comes before the file is read. */
  Future<ImportJob> start(Principal principal, Long requestedBrand, boolean dryRun, String fileName, Path file, long bytes) {
    return brands.scopeOf(principal).compose(scope -> {
      Long brandId = scope.orElse(requestedBrand);
      if (brandId == null) return Future.failedFuture(ProblemException.invalidField("brandId", "is required for managers"));
      return brands.get(brandId);
    }).compose(brand -> repository.create(lease.owner(), brand.id(), principal.accountId(), fileName, dryRun, bytes).onSuccess(job ->
        commits.submit(new ImportRun.Order(job.json().getLong("id"), brand.id(), principal.accountId(), dryRun, file,
            brand.origin()))));
  }

  private void run(ImportRun.Order order) {
    workers.executeBlocking(() -> {
      try {
        new ImportRun(repository, staging, pool, order).run();
      } finally {
        commits.finished(order);
      }
      return null;
    }, false);
  }

  /** The job with its first errors, if the caller may see it (partners: their brand's jobs only). */
  Future<ImportJob> get(Principal principal, long id, int errorsShown) {
    return visible(principal, id).compose(job -> repository.errors(id, errorsShown).map(errors -> {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(e.toJson()));
      return job.withErrors(list);
    }));
  }

  Future<ImportRepository.PageOf> list(Principal principal, int limit, int offset) {
    return brands.scopeOf(principal).compose(scope -> repository.list(scope.orElse(null), limit, offset));
  }

  /** The error report as CSV that is safe to open in a spreadsheet. */
  Future<String> errorReport(Principal principal, long id) {
    return visible(principal, id).compose(job -> repository.errors(id, ImportRepository.MAX_STORED_ERRORS)).map(errors -> {
      SafeCsv csv = new SafeCsv().row(List.of("行号", "列名", "单元格内容", "错误说明"));
      errors.forEach(e -> csv.row(List.of(e.row(), e.column(), e.value() == null ? "" : e.value(), e.message())));
      return csv.toString();
    });
  }

  private Future<ImportJob> visible(Principal principal, long id) {
    return repository.find(id).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(noSuchImport(id));
      ImportJob job = found.get();
      if (principal.is(Role.MANAGER)) return Future.succeededFuture(job);
      return brands.brandOf(principal.accountId()).compose(brand -> brand.filter(b -> b == job.brandId()).isPresent()
          ? Future.succeededFuture(job) : Future.failedFuture(noSuchImport(id)));
    });
  }

  private static ProblemException noSuchImport(long id) {
    return ProblemException.notFound("No such import " + id + ", or it is not yours.");
  }
}
