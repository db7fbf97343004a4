package cn.redlive.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The settlement lease of each session (V80): an instance claims the sessions that are due and pushes their next
 * due time one lease ahead, so in an interval each session is flushed by one instance, whichever claimed it.
 */
final class SettlementLeaseRepository {

  /**
   * Claims up to $3 due sessions for $2 and makes them due again in $1 ms, on the database's clock. SKIP LOCKED:
   * instances claiming at the same moment take different sessions, neither waits for the other.
   */
  private static final String CLAIM = """
      UPDATE live_session_settlement l
         SET due_at = now() + $1::bigint * interval '1 millisecond', claimed_by = $2, claims = l.claims + 1
        FROM live_sessions s
       WHERE s.id = l.session_id
         AND l.session_id IN (SELECT session_id FROM live_session_settlement WHERE due_at <= now()
                               ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING l.session_id, s.status
      """;

  /** Final figures are written: nothing is left to settle. */
  private static final String RELEASE = "DELETE FROM live_session_settlement WHERE session_id = $1";

  private final Pool pool;

  SettlementLeaseRepository(Pool pool) {
    this.pool = pool;
  }

  /** Sessions claimed, split by what settlement does with them. */
  record Claimed(List<Long> live, List<Long> ended) {
    int size() {
      return live.size() + ended.size();
    }
  }

  Future<Claimed> claim(UUID instance, long leaseMs, int limit) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(leaseMs, instance, limit)).map(rows -> {
      List<Long> live = new ArrayList<>();
      List<Long> ended = new ArrayList<>();
      rows.forEach(row -> (LiveSession.LIVE.equals(row.getString("status")) ? live : ended).add(row.getLong("session_id")));
      return new Claimed(live, ended);
    });
  }

  Future<Void> release(long sessionId) {
    return pool.preparedQuery(RELEASE).execute(Tuple.of(sessionId)).mapEmpty();
  }
}
