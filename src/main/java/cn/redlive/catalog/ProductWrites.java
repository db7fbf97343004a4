package cn.redlive.catalog;

import cn.redlive.product.ProductBatchWriter;
import cn.redlive.product.ProductBatchWriter.Outcome;
import cn.redlive.product.ProductFields;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;

import java.util.ArrayList;
import java.util.List;

import static cn.redlive.catalog.ImportRun.await;

/**
 * The products one committing import writes, in open transactions that are committed only once the whole file has
 * proved usable: chunks go out while the file is still being read, and a file that turns out wrong late (a SKU
 * repeated near the end, a broken byte) is {@link #rollBack rolled back}, so nothing of it is written.
 * <p>
 * The upserts are the import's critical path; they can run on {@link #LANES} connections at once, each with its own
 * transaction, a row going to the lane of its SKU's hash. A SKU therefore always meets its earlier writes in the same
 * transaction: a repeated SKU can never make one lane wait for another lane's uncommitted row (the import would
 * wait for itself). Each lane keeps two chunks in flight, so its database session writes one while the next is
 * parsed. Called from the import's worker thread only.
 */
final class ProductWrites {

  /**
   * One lane: on a 100k-row file two lanes spent 7.0 s of PostgreSQL CPU against 4.6 s for one (61 buffer hits per
   * row against 38: the two sessions contend for the same rightmost index pages and the trigram index's pending
   * list), and on this 2-core machine the parser needs the other core; bench medians were equal within the noise.
   * Two lanes now deadlock: the products report version (V45) is bumped by every upsert statement, and the first
   * lane's transaction holds that row until commit, while the commit waits for the second lane.
   */
  static final int LANES = 1;
  private static final int IN_FLIGHT = 2;

  private record Lane(SqlConnection connection, Transaction transaction, InFlight<Outcome> inFlight) {
  }

  private final List<Lane> lanes;
  private final long brandId;
  private final long uploaderId;
  private int inserted;
  private int updated;
  private int unchanged;
  private boolean open = true;

  private ProductWrites(List<Lane> lanes, long brandId, long uploaderId) {
    this.lanes = lanes;
    this.brandId = brandId;
    this.uploaderId = uploaderId;
  }

  static ProductWrites begin(Pool pool, long brandId, long uploaderId) {
    List<Lane> lanes = new ArrayList<>(LANES);
    try {
      for (int i = 0; i < LANES; i++) {
        SqlConnection connection = await(pool.getConnection());
        try {
          lanes.add(new Lane(connection, await(connection.begin()), new InFlight<>(IN_FLIGHT)));
        } catch (RuntimeException e) {
          connection.close();
          throw e;
        }
      }
    } catch (RuntimeException e) {
      lanes.forEach(lane -> lane.connection().close());
      throw e;
    }
    return new ProductWrites(lanes, brandId, uploaderId);
  }

  /** Upserts a chunk whose SKUs are distinct, split among the lanes; its outcome counts once it has arrived. */
  void write(List<ProductFields> chunk) {
    List<List<ProductFields>> parts = new ArrayList<>(LANES);
    for (int i = 0; i < LANES; i++) parts.add(new ArrayList<>(chunk.size() / LANES + 16));
    for (ProductFields row : chunk) parts.get(Math.floorMod(row.sku().hashCode(), LANES)).add(row);
    for (int i = 0; i < LANES; i++) {
      if (parts.get(i).isEmpty()) continue;
      Lane lane = lanes.get(i);
      lane.inFlight().submit(ProductBatchWriter.upsert(lane.connection(), brandId, uploaderId, parts.get(i)), outcome -> {
        inserted += outcome.inserted();
        updated += outcome.updated();
        unchanged += outcome.unchanged();
      });
    }
  }

  /** The outcome of the chunks answered so far, for progress. */
  Outcome soFar() {
    return new Outcome(inserted, updated, unchanged);
  }

  /**
   * Waits for every chunk, commits, and answers what the import did. Should the database stop between the lanes'
   * commits, the lanes committed first keep their rows: valid rows of the file, as a re-upload would write them.
   */
  Outcome commit() {
    lanes.forEach(lane -> lane.inFlight().drain());
    open = false;
    try {
      for (Lane lane : lanes) await(lane.transaction().commit());
    } finally {
      lanes.forEach(lane -> lane.connection().close());
    }
    return soFar();
  }

  /** Undoes everything written so far; harmless after a commit or a failed statement (which ends its transaction). */
  void rollBack() {
    if (!open) return;
    open = false;
    // waited for, so that a second attempt at the same rows does not queue behind these row locks
    for (Lane lane : lanes) {
      await(lane.transaction().rollback().recover(failed -> Future.succeededFuture()).eventually(lane.connection()::close));
    }
  }
}
