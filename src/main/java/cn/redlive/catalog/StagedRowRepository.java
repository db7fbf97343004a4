package cn.redlive.catalog;

import cn.redlive.product.ProductFields;
import io.vertx.core.Future;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The SKUs of a running import's valid rows in catalog_import_skus: staged while the file is read, checked there
 * for SKUs repeated within the file, deleted when the job ends. The server keeps no per-row state of its own, so
 * its memory does not grow with the file.
 */
final class StagedRowRepository {

  /** A valid row: its position among the file's data rows, its row number, its content. */
  record Staged(int seq, int rowNumber, ProductFields fields) {
  }

  private static final int PAGE = 1000;

  private static final String STAGE = """
      INSERT INTO catalog_import_skus (import_id, seq, row_number, sku)
      SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[])
      """;

  /**
   * Rows whose SKU the file holds more than once, in file order, with the first and second row of that SKU. One
   * scan of the import's rows in the primary key order and a sort: no join, so no plan can go quadratic when the
   * statistics of this scratch table lag behind (they usually do: it fills and empties within seconds).
   */
  private static final String DUPLICATES = """
      SELECT seq, sku, row_number, first_row, next_row
        FROM (SELECT seq, sku, row_number, count(*) OVER same_sku AS copies, min(row_number) OVER same_sku AS first_row,
                     nth_value(row_number, 2) OVER same_sku AS next_row
                FROM catalog_import_skus
               WHERE import_id = $1
              WINDOW same_sku AS (PARTITION BY sku ORDER BY row_number ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
             ) counted
       WHERE copies > 1
       ORDER BY row_number
      """;

  /** Whether any SKU is staged twice: one aggregate, much cheaper than the window query for the usual clean file. */
  private static final String ANY_REPEATED =
      "SELECT count(*) <> count(DISTINCT sku) FROM catalog_import_skus WHERE import_id = $1";

  private static final String UNSTAGE = "DELETE FROM catalog_import_skus WHERE import_id = $1 AND seq = ANY($2::int[])";

  private static final String KEPT = "SELECT seq FROM catalog_import_skus WHERE import_id = $1 AND seq >= $2 AND seq < $3";

  private static final String CLEAR = "DELETE FROM catalog_import_skus WHERE import_id = $1";

  private final Pool pool;

  StagedRowRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Void> stage(long importId, List<Staged> rows) {
    int n = rows.size();
    Integer[] seq = new Integer[n], rowNumber = new Integer[n];
    String[] sku = new String[n];
    for (int i = 0; i < n; i++) {
      seq[i] = rows.get(i).seq();
      rowNumber[i] = rows.get(i).rowNumber();
      sku[i] = rows.get(i).fields().sku();
    }
    return pool.preparedQuery(STAGE).execute(Tuple.of(importId).addArrayOfInteger(seq).addArrayOfInteger(rowNumber)
        .addArrayOfString(sku)).mapEmpty();
  }

  /** Which of the positions in [fromSeq, toSeq) are still staged: valid rows that were not refused as duplicates. */
  Future<Set<Integer>> kept(long importId, int fromSeq, int toSeq) {
    return pool.preparedQuery(KEPT).execute(Tuple.of(importId, fromSeq, toSeq)).map(rows -> {
      Set<Integer> seqs = new HashSet<>();
      rows.forEach(row -> seqs.add(row.getInteger(0)));
      return seqs;
    });
  }

  /**
   * Takes every row whose SKU the file holds more than once out of the staged rows, and hands each to
   * {@code refused} with its error: the first occurrence names the next one, the others name the first. Read
   * through a cursor a page at a time, so even a file of nothing but repeats is never held whole.
   */
  Future<Void> refuseDuplicates(long importId, String skuColumn, Consumer<RowError> refused) {
    return pool.preparedQuery(ANY_REPEATED).execute(Tuple.of(importId)).compose(repeated ->
        repeated.iterator().next().getBoolean(0) ? refuseRepeated(importId, skuColumn, refused) : Future.succeededFuture());
  }

  private Future<Void> refuseRepeated(long importId, String skuColumn, Consumer<RowError> refused) {
    return pool.withTransaction(tx -> tx.prepare(DUPLICATES).compose(statement -> {
      Cursor cursor = statement.cursor(Tuple.of(importId));
      return refusePages(tx, cursor, importId, skuColumn, refused).eventually(cursor::close);
    }));
  }

  private Future<Void> refusePages(SqlConnection tx, Cursor cursor, long importId, String skuColumn,
                                   Consumer<RowError> refused) {
    return cursor.read(PAGE).compose(page -> {
      if (page.size() == 0) return Future.succeededFuture();
      Integer[] seqs = new Integer[page.size()];
      int i = 0;
      for (Row row : page) {
        seqs[i++] = row.getInteger("seq");
        String sku = row.getString("sku");
        int rowNumber = row.getInteger("row_number"), first = row.getInteger("first_row");
        refused.accept(new RowError(rowNumber, skuColumn, sku, rowNumber == first
            ? "SKU " + sku + " appears more than once in the file (again in row " + row.getInteger("next_row")
                + "); none of these rows is imported"
            : "SKU " + sku + " already appears in row " + first));
      }
      Future<Void> deleted = tx.preparedQuery(UNSTAGE).execute(Tuple.of(importId).addArrayOfInteger(seqs)).mapEmpty();
      return deleted.compose(v -> cursor.hasMore() ? refusePages(tx, cursor, importId, skuColumn, refused)
          : Future.succeededFuture());
    });
  }

  Future<Void> clear(long importId) {
    return pool.preparedQuery(CLEAR).execute(Tuple.of(importId)).mapEmpty();
  }
}
