package cn.redlive.catalog;

import cn.redlive.report.ProductsTopic;
import cn.redlive.product.ProductBatchRepository;
import cn.redlive.product.ProductBatchRepository.Outcome;
import cn.redlive.product.ProductFields;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
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
 * <p>
 * Imports of one brand take turns: a server queues them ({@link BrandCommitQueue}), and the first lane holds the
 * brand's import lock until the import commits, for imports started by other servers. Two
 * imports side by side could otherwise wait for each other's uncommitted rows in opposite lanes, which no database
 * sees as a deadlock (each waits for a transaction that waits for the application). Holding the lock, a first
 * attempt inserts new products plainly ({@link Mode#INSERT_OR_UPDATE}); should anyone else have inserted one of the
 * SKUs meanwhile (a product created by hand), the writes are {@link #conflicted} and the import writes again with
 * {@link Mode#UPSERT}.
 */
final class ProductWrites {

  /**
   * Two lanes: the database's share of an import is most of its work, and one session uses one core. On a 100,000-row
   * file, warm, two lanes took 1.6-1.9 s against 2.2-2.6 s for one (three: 1.8-2.4 s, the parser then lacks a core);
   * the database's CPU stayed the same (~1.8 s): the sessions append to the same rightmost index pages, but without
   * the trigram index (V52) they no longer wait for each other much.
   */
  static final int LANES = 2;
  private static final int IN_FLIGHT = 2;

  enum Mode { INSERT_OR_UPDATE, UPSERT }

  private record Lane(SqlConnection connection, Transaction transaction, InFlight<Outcome> inFlight) {
  }

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String IN_FAILED_TRANSACTION = "25P02";
  private static final Outcome NOTHING = new Outcome(0, 0, 0);


  private final List<Lane> lanes;
  private final Mode mode;
  private final long brandId;
  private final long uploaderId;
  private int inserted;
  private int updated;
  private int unchanged;
  private boolean open = true;
  /** Set on the event loop when a plain insert met a SKU someone else inserted; read by the worker thread. */
  private volatile boolean conflicted;

  private ProductWrites(List<Lane> lanes, Mode mode, long brandId, long uploaderId) {
    this.lanes = lanes;
    this.mode = mode;
    this.brandId = brandId;
    this.uploaderId = uploaderId;
  }

  static ProductWrites begin(Pool pool, Mode mode, long brandId, long uploaderId) {
    List<Lane> lanes = new ArrayList<>(LANES);
    try {
      for (int i = 0; i < LANES; i++) {
        SqlConnection connection = await(pool.getConnection());
        try {
          Transaction transaction = await(connection.begin());
          await(ProductsTopic.quietInTransaction(connection));
          // waits here while another import of the brand runs
          if (i == 0) await(ImportRepository.lockBrandImports(connection, brandId));
          lanes.add(new Lane(connection, transaction, new InFlight<>(IN_FLIGHT)));
        } catch (RuntimeException e) {
          connection.close();
          throw e;
        }
      }
    } catch (RuntimeException e) {
      lanes.forEach(lane -> lane.connection().close());
      throw e;
    }
    return new ProductWrites(lanes, mode, brandId, uploaderId);
  }

  /** Upserts a chunk whose SKUs are distinct, split among the lanes; its outcome counts once it has arrived. */
  void write(List<ProductFields> chunk) {
    if (conflicted) return; // written again in full anyway
    List<List<ProductFields>> parts = new ArrayList<>(LANES);
    for (int i = 0; i < LANES; i++) parts.add(new ArrayList<>(chunk.size() / LANES + 16));
    for (ProductFields row : chunk) parts.get(Math.floorMod(row.sku().hashCode(), LANES)).add(row);
    for (int i = 0; i < LANES; i++) {
      if (parts.get(i).isEmpty()) continue;
      Lane lane = lanes.get(i);
      lane.inFlight().submit(written(lane.connection(), parts.get(i)), outcome -> {
        inserted += outcome.inserted();
        updated += outcome.updated();
        unchanged += outcome.unchanged();
      });
    }
  }

  private Future<Outcome> written(SqlConnection connection, List<ProductFields> rows) {
    if (mode == Mode.UPSERT) return ProductBatchRepository.upsert(connection, brandId, uploaderId, rows);
    return ProductBatchRepository.insertOrUpdate(connection, brandId, uploaderId, rows).recover(failure -> {
      String state = failure instanceof PgException pg ? pg.getSqlState() : null;
      // after the violation, the lane's statements already sent fail too: its transaction is aborted
      if (UNIQUE_VIOLATION.equals(state) || (conflicted && IN_FAILED_TRANSACTION.equals(state))) {
        conflicted = true;
        return Future.succeededFuture(NOTHING);
      }
      return Future.failedFuture(failure);
    });
  }

  /** Waits for every chunk sent; answers whether all were written (false: write again with {@link Mode#UPSERT}). */
  boolean allWritten() {
    lanes.forEach(lane -> lane.inFlight().drain());
    return !conflicted;
  }

  /** The outcome of the chunks answered so far, for progress. */
  Outcome soFar() {
    return new Outcome(inserted, updated, unchanged);
  }

  /**
   * Waits for every chunk, then commits the lanes one after the other. A lane whose rows may have renamed a product
   * bumps the products report version right before its commit, as any other writer's trigger would: bumped by each
   * statement, the version row would stay locked by the first lane until its commit, which waits for the others.
   * Should the database stop between the lanes' commits, the lanes committed first keep their rows: valid rows of
   * the file, as a re-upload would write them.
   */
  Outcome commit() {
    if (!allWritten()) throw new IllegalStateException("conflicted writes must be rolled back and written again");
    open = false;
    try {
      // the first lane, which holds the brand's import lock, last: the next import of the brand sees every row
      for (int i = lanes.size() - 1; i >= 0; i--) {
        Lane lane = lanes.get(i);
        // only an update can rename: new products appear in no report (V53)
        if (updated > 0) await(ProductsTopic.bumpBeforeCommit(lane.connection()));
        await(lane.transaction().commit());
      }
    } finally {
      lanes.forEach(lane -> lane.connection().close());
    }
    return soFar();
  }

  /** Undoes everything written so far; harmless after a commit or a failed statement (which ends its transaction). */
  void rollBack() {
    if (!open) return;
    open = false;
    // every statement a chunk still has to send goes first, inside the transaction (see InFlight.abandon)
    lanes.forEach(lane -> lane.inFlight().abandon());
    // waited for, so that a second attempt at the same rows does not queue behind these row locks
    for (Lane lane : lanes) {
      await(lane.transaction().rollback().recover(failed -> Future.succeededFuture()).eventually(lane.connection()::close));
    }
  }
}
