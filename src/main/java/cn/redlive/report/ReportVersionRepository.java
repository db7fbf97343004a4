package cn.redlive.report;

import cn.redlive.sales.Period;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;

/**
 * The current data version of a ranking or a streamer's sales (V45: bumped by triggers inside every writing
 * transaction). One indexed read of a few hundred small rows: what a cached report costs to check.
 */
final class ReportVersionRepository {

  private static final String TOPICS = "(SELECT sum(version) FROM report_versions)::bigint";

  /** Every streamer's figures in the months of two periods (16 shard rows a month, V64), and the topics. */
  private static final String OF_PERIODS = """
      SELECT coalesce((SELECT sum(version) FROM report_month_versions
                        WHERE month BETWEEN $1 AND $2 OR month BETWEEN $3 AND $4), 0)::bigint + %s AS version
      """.formatted(TOPICS);

  /** One streamer account's figures in every month, and the topics. */
  private static final String OF_ACCOUNT = """
      SELECT coalesce((SELECT sum(version) FROM report_figure_versions WHERE streamer_account_id = $1), 0)::bigint + %s AS version
      """.formatted(TOPICS);

  /** The same for a talent-pool profile, with the account it sells as (no row: no such streamer). */
  private static final String OF_STREAMER = """
      SELECT s.account_id, coalesce((SELECT sum(version) FROM report_figure_versions v
                                      WHERE v.streamer_account_id = s.account_id), 0)::bigint + %s AS version
        FROM streamers s WHERE s.id = $1
      """.formatted(TOPICS);

  /** Tells the products_report_version trigger that this transaction bumps the products topic itself (V53). */
  private static final String BUMPS_PRODUCTS_AT_COMMIT =
      "SELECT set_config('redlive.products_version_bumped_at_commit', 'on', true)";
  private static final String BUMP_PRODUCTS = "UPDATE report_versions SET version = version + 1 WHERE topic = 'products'";

  /**
   * For writers of many products in one long transaction (catalog imports): the per-statement trigger stays quiet in
   * {@code tx}, which calls {@link #bumpProducts} once right before it commits (see {@link ProductsTopic}).
   */
  static Future<Void> bumpProductsAtCommit(SqlClient tx) {
    return tx.query(BUMPS_PRODUCTS_AT_COMMIT).execute().mapEmpty();
  }

  /** Reports that show product names or SKUs are stale from {@code tx}'s commit on. */
  static Future<Void> bumpProducts(SqlClient tx) {
    return tx.query(BUMP_PRODUCTS).execute().mapEmpty();
  }

  /** A streamer's account (null when the profile has none, or there is no such streamer) and its version. */
  record Subject(Long accountId, long version) {
  }

  private final Pool pool;

  ReportVersionRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Long> ofPeriods(Period period, Period other) {
    return pool.preparedQuery(OF_PERIODS).execute(Tuple.of(month(period.from()), period.to(), month(other.from()), other.to()))
        .map(rows -> rows.iterator().next().getLong("version"));
  }

  Future<Long> ofAccount(long accountId) {
    return pool.preparedQuery(OF_ACCOUNT).execute(Tuple.of(accountId)).map(rows -> rows.iterator().next().getLong("version"));
  }

  Future<Subject> ofStreamer(long streamerId) {
    return pool.preparedQuery(OF_STREAMER).execute(Tuple.of(streamerId)).map(rows -> {
      var row = rows.iterator();
      if (!row.hasNext()) return new Subject(null, 0);
      var r = row.next();
      return new Subject(r.getLong("account_id"), r.getLong("version"));
    });
  }

  private static LocalDate month(LocalDate day) {
    return day.withDayOfMonth(1);
  }
}
