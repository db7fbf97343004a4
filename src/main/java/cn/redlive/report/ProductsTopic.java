package cn.redlive.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/**
 * The report feature's door for writers of many products in one long transaction (catalog imports): reports that
 * show product names or SKUs must be stale from that transaction's commit on, and the per-statement trigger that
 * says so (V45) would hold the version row from the first statement to the commit (V53). The bump runs on the
 * writer's own transaction, so it commits or rolls back with the products.
 */
public final class ProductsTopic {

  private ProductsTopic() {
  }

  /** Keeps the trigger quiet in {@code tx}, which calls {@link #bumpBeforeCommit} once right before it commits. */
  public static Future<Void> quietInTransaction(SqlClient tx) {
    return ReportVersionRepository.bumpProductsAtCommit(tx);
  }

  /** Reports that show product names or SKUs are stale from {@code tx}'s commit on. */
  public static Future<Void> bumpBeforeCommit(SqlClient tx) {
    return ReportVersionRepository.bumpProducts(tx);
  }
}
