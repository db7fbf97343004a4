package cn.redlive.target;

import cn.redlive.platform.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** SQL of targets; names of the scopes come from the people and enterprise tables by key. */
final class TargetRepository {

  private static final String SELECT = """
      SELECT t.*, CASE t.scope WHEN 'streamer' THEN (SELECT stage_name FROM streamers WHERE id = t.scope_id)
                               WHEN 'team' THEN (SELECT name FROM teams WHERE id = t.scope_id)
                               WHEN 'enterprise' THEN (SELECT name FROM enterprises WHERE id = t.scope_id)
                               ELSE '基地' END AS name
        FROM sales_targets t
      """;

  private static final String LIST = SELECT + """
       WHERE t.month BETWEEN $1 AND $2 AND ($3::text IS NULL OR t.scope = $3)
       ORDER BY t.scope, t.scope_id NULLS FIRST, t.month
      """;

  private static final String UPSERT = """
      INSERT INTO sales_targets AS t (scope, scope_id, month, gmv_fen, growth_bp, growth_basis, set_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT ON CONSTRAINT sales_targets_key DO UPDATE SET gmv_fen = EXCLUDED.gmv_fen, growth_bp = EXCLUDED.growth_bp,
        growth_basis = EXCLUDED.growth_basis, set_by = EXCLUDED.set_by, updated_at = now()
      RETURNING id
      """;

  private static final String FIND = SELECT + " WHERE t.id = $1";

  private static final String FIND_SCOPE = SELECT + " WHERE t.scope = $1 AND t.scope_id = $2 AND t.month = $3";

  private static final String SCOPE_EXISTS = """
      SELECT CASE $1 WHEN 'streamer' THEN EXISTS (SELECT 1 FROM streamers WHERE id = $2)
                     WHEN 'team' THEN EXISTS (SELECT 1 FROM teams WHERE id = $2)
                     WHEN 'enterprise' THEN EXISTS (SELECT 1 FROM enterprises WHERE id = $2)
                     ELSE true END AS found
      """;

  /** The standing goals' counts: approved products, streamers still in the talent pool, brands. */
  private static final String GOAL_COUNTS = """
      SELECT (SELECT count(*) FROM products WHERE status = 'approved') AS approved_products,
             (SELECT count(*) FROM streamers WHERE status <> 'left') AS talent_pool,
             (SELECT count(*) FROM brands) AS brands
      """;

  private final Pool pool;

  TargetRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Target>> list(YearMonth first, YearMonth last, String scope) {
    return pool.preparedQuery(LIST).execute(Tuple.of(first.atDay(1), last.atDay(1), scope))
        .map(rows -> Rows.all(rows, Target::from));
  }

  Future<Optional<Target>> find(String scope, long scopeId, LocalDate month) {
    return pool.preparedQuery(FIND_SCOPE).execute(Tuple.of(scope, scopeId, month)).map(rows -> Rows.first(rows).map(Target::from));
  }

  Future<Boolean> scopeExists(String scope, Long scopeId) {
    return pool.preparedQuery(SCOPE_EXISTS).execute(Tuple.of(scope, scopeId)).map(rows -> rows.iterator().next().getBoolean("found"));
  }

  Future<Target> upsert(String scope, Long scopeId, LocalDate month, Long gmvFen, Integer growthBp, String basis, long by) {
    return pool.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {scope, scopeId, month, gmvFen, growthBp, basis, by}))
        .compose(rows -> pool.preparedQuery(FIND).execute(Tuple.of(rows.iterator().next().getLong("id"))))
        .map(rows -> Target.from(rows.iterator().next()));
  }

  record GoalCounts(long approvedProducts, long talentPool, long brands) {
  }

  Future<GoalCounts> goalCounts() {
    return pool.query(GOAL_COUNTS).execute().map(rows -> {
      var r = rows.iterator().next();
      return new GoalCounts(r.getLong("approved_products"), r.getLong("talent_pool"), r.getLong("brands"));
    });
  }
}
