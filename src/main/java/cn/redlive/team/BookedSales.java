package cn.redlive.team;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.util.Optional;

/**
 * What a team move asks the sales ledger: the latest sale already booked for a streamer (talent-pool id). Ledger
 * entries keep the team they were sold for, so a move back-dated before a booked sale would leave that sale with
 * the old team; such moves are refused.
 */
@FunctionalInterface
public interface BookedSales {

  /** Read on the move's transaction {@code tx}, after it locked the streamer (a sale being booked waits, V81). */
  Future<Optional<Instant>> latestSaleOf(SqlClient tx, long streamerId);
}
