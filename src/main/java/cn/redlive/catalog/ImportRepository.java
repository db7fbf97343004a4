package cn.redlive.catalog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import cn.redlive.platform.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** All SQL of catalog imports. */
final class ImportRepository {

  /** The columns {@code ImportJob.from(Row)} reads. */
  static final String COLUMNS = """
      id, brand_id, uploaded_by, file_name, mode, status, format, encoding, layout, bytes_total, bytes_done, rows_total,
      rows_done, inserted, updated, unchanged, failed, error_count, failure_code, failure, preview, created_at, finished_at
      """;

  /** Takes the brand's import lock in {@code tx} (see {@link ProductWrites}). */
  static Future<Void> lockBrandImports(io.vertx.sqlclient.SqlClient tx, long brandId) {
    return tx.preparedQuery(BRAND_IMPORT_LOCK).execute(Tuple.of(brandId)).mapEmpty();
  }

  /** Per-row errors stored per job; the count goes on beyond it, the report says so. */
  static final int MAX_STORED_ERRORS = 10_000;

  /** Held until the transaction ends: imports of one brand, from any server, commit one after the other. */
  private static final String BRAND_IMPORT_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('catalog-import', $1))";

  private static final String CREATE = """
      INSERT INTO catalog_imports (brand_id, uploaded_by, file_name, mode, bytes_total, owner, heartbeat_at)
      VALUES ($1, $2, $3, $4, $5, $6, now())
      RETURNING %s
      """.formatted(COLUMNS);

  private static final String FIND = "SELECT %s FROM catalog_imports WHERE id = $1".formatted(COLUMNS);

  private static final String LIST = """
      SELECT %s, count(*) OVER () AS total FROM catalog_imports
       WHERE ($1::bigint IS NULL OR brand_id = $1)
       ORDER BY id DESC
       LIMIT $2 OFFSET $3
      """.formatted(COLUMNS);

  private static final String DESCRIBE = """
      UPDATE catalog_imports SET status = 'validating', format = $2, encoding = $3, layout = $4 WHERE id = $1
      """;

  private static final String VALIDATING = "UPDATE catalog_imports SET bytes_done = $2, rows_done = $3 WHERE id = $1";

  private static final String VALIDATED = """
      UPDATE catalog_imports SET status = $2, bytes_done = bytes_total, rows_total = $3, rows_done = $4, failed = $5,
                                 error_count = $6, preview = $7
       WHERE id = $1
      """;

  private static final String WRITTEN = """
      UPDATE catalog_imports SET rows_done = $2, inserted = $3, updated = $4, unchanged = $5 WHERE id = $1
      """;

  private static final String SUCCEED = """
      UPDATE catalog_imports SET status = 'succeeded', rows_done = rows_total, finished_at = now()
       WHERE id = $1 AND status IN ('validating', 'writing')
      """;

  private static final String FAIL = """
      UPDATE catalog_imports SET status = 'failed', failure_code = $2, failure = $3, finished_at = now()
       WHERE id = $1 AND status IN ('queued', 'validating', 'writing')
      """;

  /** The instance vouches for every unfinished job it runs or holds queued. */
  private static final String BEAT = """
      UPDATE catalog_imports SET heartbeat_at = now()
       WHERE owner = $1 AND status IN ('queued', 'validating', 'writing')
      """;

  /** Jobs whose instance stopped vouching for them (it died): failed by whichever instance sweeps first. */
  private static final String ABANDONED = """
      UPDATE catalog_imports SET status = 'failed', failure_code = 'interrupted',
             failure = 'The server stopped during this import; upload the file again (re-uploading is safe).',
             finished_at = now()
       WHERE status IN ('queued', 'validating', 'writing') AND heartbeat_at < now() - make_interval(secs => $1)
      """;

  /** Staged rows a job left behind (a stop mid-import, or a chunk still in flight when a file turned out broken). */
  private static final String LEFT_STAGED = """
      DELETE FROM catalog_import_skus r USING catalog_imports i
       WHERE i.id = r.import_id AND i.status IN ('succeeded', 'failed')
      """;

  private static final String ADD_ERRORS = """
      INSERT INTO catalog_import_errors (import_id, seq, row_number, column_name, value, message)
      SELECT $1, seq, row_number, column_name, value, message
        FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) AS t(seq, row_number, column_name, value, message)
      """;

  private static final String ERRORS = """
      SELECT row_number, column_name, value, message FROM catalog_import_errors
       WHERE import_id = $1 ORDER BY row_number, seq LIMIT $2
      """;

  private final Pool pool;

  ImportRepository(Pool pool) {
    this.pool = pool;
  }

  Future<ImportJob> create(UUID owner, long brandId, long uploaderId, String fileName, boolean dryRun, long bytes) {
    return pool.preparedQuery(CREATE).execute(Tuple.of(brandId, uploaderId, fileName, dryRun ? "dry_run" : "commit", bytes,
            owner))
        .map(rows -> ImportJob.from(rows.iterator().next()));
  }

  Future<Optional<ImportJob>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(ImportJob::from));
  }

  record PageOf(List<ImportJob> items, long total) {
  }

  Future<PageOf> list(Long brandId, int limit, int offset) {
    return pool.preparedQuery(LIST).execute(Tuple.of(brandId, limit, offset)).map(rows -> {
      List<ImportJob> items = new ArrayList<>();
      long total = 0;
      for (Row row : rows) {
        items.add(ImportJob.from(row));
        total = row.getLong("total");
      }
      return new PageOf(items, total);
    });
  }

  Future<Void> describe(long id, String format, String encoding, String layout) {
    return pool.preparedQuery(DESCRIBE).execute(Tuple.of(id, format, encoding, layout)).mapEmpty();
  }

  Future<Void> validating(long id, long bytesDone, int rowsDone) {
    return pool.preparedQuery(VALIDATING).execute(Tuple.of(id, bytesDone, rowsDone)).mapEmpty();
  }

  Future<Void> validated(long id, boolean writeNext, int rowsTotal, int failed, int errorCount, JsonArray preview) {
    return pool.preparedQuery(VALIDATED).execute(Tuple.of(id, writeNext ? "writing" : "validating", rowsTotal,
        writeNext ? 0 : rowsTotal, failed, errorCount, preview)).mapEmpty();
  }

  Future<Void> written(long id, int rowsDone, int inserted, int updated, int unchanged) {
    return pool.preparedQuery(WRITTEN).execute(Tuple.of(id, rowsDone, inserted, updated, unchanged)).mapEmpty();
  }

  Future<Void> succeed(long id) {
    return pool.preparedQuery(SUCCEED).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Void> fail(long id, String code, String message) {
    return pool.preparedQuery(FAIL).execute(Tuple.of(id, code, message)).mapEmpty();
  }

  Future<Integer> beat(UUID owner) {
    return pool.preparedQuery(BEAT).execute(Tuple.of(owner)).map(RowSet::rowCount);
  }

  /** Fails the jobs whose heartbeat is older than the lease and drops the rows they staged; answers how many. */
  Future<Integer> failAbandoned(Duration lease) {
    return pool.preparedQuery(ABANDONED).execute(Tuple.of(lease.toMillis() / 1000.0))
        .compose(failed -> pool.query(LEFT_STAGED).execute().map(failed.rowCount()));
  }

  Future<Void> addErrors(long id, int firstSeq, List<RowError> errors) {
    int n = errors.size();
    Integer[] seq = new Integer[n], rowNumbers = new Integer[n];
    String[] columns = new String[n], values = new String[n], messages = new String[n];
    for (int i = 0; i < n; i++) {
      RowError e = errors.get(i);
      seq[i] = firstSeq + i;
      rowNumbers[i] = e.row();
      columns[i] = e.column();
      values[i] = e.value() == null || e.value().length() <= 200 ? e.value() : e.value().substring(0, 200) + "…";
      messages[i] = e.message();
    }
    return pool.preparedQuery(ADD_ERRORS).execute(Tuple.of(id, seq, rowNumbers, columns, values, messages)).mapEmpty();
  }

  Future<List<RowError>> errors(long id, int limit) {
    return pool.preparedQuery(ERRORS).execute(Tuple.of(id, limit)).map(rows -> {
      List<RowError> errors = new ArrayList<>();
      rows.forEach(r -> errors.add(new RowError(r.getInteger("row_number"), r.getString("column_name"),
          r.getString("value"), r.getString("message"))));
      return errors;
    });
  }

}
