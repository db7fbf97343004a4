package cn.redlive.catalog;

import cn.redlive.product.ProductBatchWriter;
import cn.redlive.product.ProductBatchWriter.Outcome;
import cn.redlive.product.ProductFields;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;

import java.util.List;

import static cn.redlive.catalog.ImportRun.await;

/**
 * The products one committing import writes, all in one transaction on a connection of its own. Chunks go out
 * while the file is still being read (two at most awaiting their answer, so the database writes one while the
 * next is parsed); they become visible only at {@link #commit}, once the whole file has proved usable. A file that
 * turns out wrong late (a SKU repeated near the end, a broken byte) is {@link #rollBack rolled back}: nothing of it
 * is written. Called from the import's worker thread only.
 */
final class ProductWrites {

  private static final int IN_FLIGHT = 2;

  private final SqlConnection connection;
  private final Transaction transaction;
  private final long brandId;
  private final long uploaderId;
  private final InFlight<Outcome> inFlight = new InFlight<>(IN_FLIGHT);
  private int inserted;
  private int updated;
  private int unchanged;
  private boolean open = true;

  private ProductWrites(SqlConnection connection, Transaction transaction, long brandId, long uploaderId) {
    this.connection = connection;
    this.transaction = transaction;
    this.brandId = brandId;
    this.uploaderId = uploaderId;
  }

  static ProductWrites begin(Pool pool, long brandId, long uploaderId) {
    SqlConnection connection = await(pool.getConnection());
    try {
      return new ProductWrites(connection, await(connection.begin()), brandId, uploaderId);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Upserts a chunk whose SKUs are distinct; its outcome counts once it has arrived. */
  void write(List<ProductFields> chunk) {
    inFlight.submit(ProductBatchWriter.upsert(connection, brandId, uploaderId, chunk), outcome -> {
      inserted += outcome.inserted();
      updated += outcome.updated();
      unchanged += outcome.unchanged();
    });
  }

  /** The outcome of the chunks answered so far, for progress. */
  Outcome soFar() {
    return new Outcome(inserted, updated, unchanged);
  }

  /** Waits for every chunk, commits, and answers what the import did. */
  Outcome commit() {
    inFlight.drain();
    try {
      await(transaction.commit());
    } finally {
      open = false;
      connection.close();
    }
    return soFar();
  }

  /** Undoes everything written so far; harmless after a commit or a failed statement (which ends the transaction). */
  void rollBack() {
    if (!open) return;
    open = false;
    // waited for, so that a second attempt at the same rows does not queue behind this one's row locks
    await(transaction.rollback().recover(failed -> io.vertx.core.Future.succeededFuture())
        .eventually(connection::close));
  }
}
