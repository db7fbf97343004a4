package cn.redlive.party;

import cn.redlive.platform.Rows;
import cn.redlive.platform.SqlWhere;
import cn.redlive.core.Paging;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * All SQL of the party feature. The register, due view and counts read the streamers and teams tables for names
 * and the current team (read-only); everything they filter on has an index.
 */
final class PartyRepository {

  record RegisterFilter(Long teamId, String status, String stage, LocalDate dueBy) {
  }

  record DueFilter(LocalDate asOf, Long teamId, String kind, String status) {
  }

  private static final String LOCK = "SELECT id FROM streamers WHERE id = $1 FOR UPDATE";

  private static final String STEPS = """
      SELECT ps.id, ps.kind, ps.on_date, ps.hours, ps.days, ps.months, ps.details, ps.recorded_by, ps.recorded_at
        FROM party_steps ps
       WHERE ps.streamer_id = $1
       ORDER BY ps.on_date, ps.id
      """;

  private static final String INSERT_STEP = """
      INSERT INTO party_steps (streamer_id, kind, on_date, hours, days, months, details, recorded_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      """;

  private static final String UPSERT_RECORD = """
      INSERT INTO party_records (streamer_id, stage, summary, derived_by) VALUES ($1, $2, $3, $4)
      ON CONFLICT (streamer_id) DO UPDATE SET stage = excluded.stage, summary = excluded.summary,
                                              derived_by = excluded.derived_by, updated_at = now()
      """;

  /**
   * Up to $2 streamers whose record an older derivation ($1) wrote, locked as a step's write locks them (the streamer
   * first), skipping any another transaction holds: instances starting together share the work instead of waiting.
   */
  private static final String LOCK_STALE = """
      SELECT s.id, s.status FROM streamers s JOIN party_records p ON p.streamer_id = s.id
       WHERE p.derived_by < $1
       ORDER BY s.id LIMIT $2
         FOR UPDATE OF s SKIP LOCKED
      """;

  private static final String CLEAR_OBLIGATIONS = "DELETE FROM party_obligations WHERE streamer_id = $1";

  private static final String INSERT_OBLIGATION = "INSERT INTO party_obligations (streamer_id, kind, due_on) VALUES ($1, $2, $3)";

  private static final String INSERT_AUDIT = """
      INSERT INTO party_audit (streamer_id, actor_id, action, before, after) VALUES ($1, $2, $3, $4, $5)
      """;

  private static final String AUDIT = """
      SELECT pa.*, count(*) OVER () AS total
        FROM party_audit pa
       WHERE pa.streamer_id = $1
       ORDER BY pa.id DESC
       LIMIT $2 OFFSET $3
      """;

  private static final String REGISTER_FROM = " FROM streamers s LEFT JOIN party_records p ON p.streamer_id = s.id";

  /** The numbered steps' codes in the 细则's order, as an SQL array: a step's number is its position in it. */
  private static final String NUMBERED = StepKind.numbered().stream().map(k -> "'" + k.code() + "'")
      .collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));

  /**
   * Team names and each streamer's furthest numbered step are looked up only for the rows of the page; the next due
   * date is the record's own (V50).
   */
  private static final String REGISTER = """
      WITH page AS (
        SELECT s.id, s.real_name, s.stage_name, s.status, s.team_id, coalesce(p.stage, 'none') AS stage, p.next_due_on
        %s
      )
      SELECT page.*, t.name AS team_name, furthest.kind AS furthest_step, furthest.on_date AS furthest_step_on,
             (%s) AS total
        FROM page LEFT JOIN teams t ON t.id = page.team_id
        LEFT JOIN LATERAL (
          SELECT ps.kind, ps.on_date FROM party_steps ps
           WHERE ps.streamer_id = page.id AND array_position(%s, ps.kind) IS NOT NULL
           ORDER BY array_position(%s, ps.kind) DESC, ps.on_date DESC LIMIT 1
        ) furthest ON true
       ORDER BY page.id
      """;

  /**
   * Per numbered step, among streamers still at the base (of one team, $1, or all): how many have it as their
   * furthest step, how many have it on their record at all, and when it was last recorded.
   */
  private static final String STEP_COUNTS = """
      SELECT kind, count(*) FILTER (WHERE furthest) AS at_step, count(*) AS reached, max(last_on) AS last_on
        FROM (
          SELECT ps.kind, max(ps.on_date) AS last_on,
                 array_position(%1$s, ps.kind) = max(array_position(%1$s, ps.kind)) OVER (PARTITION BY ps.streamer_id)
                   AS furthest
            FROM party_steps ps JOIN streamers s ON s.id = ps.streamer_id
           WHERE s.status <> 'left' AND ($1::bigint IS NULL OR s.team_id = $1)
             AND array_position(%1$s, ps.kind) IS NOT NULL
           GROUP BY ps.streamer_id, ps.kind
        ) per_streamer
       GROUP BY kind
      """.formatted(NUMBERED);

  private static final String TALLY = "SELECT coalesce(sum(n), 0) AS total FROM streamer_tallies";

  /** Only records carry obligations, and each carries its earliest (V50): an index-only count, no sort. */
  private static final String DUE_STREAMERS = "SELECT count(*) AS total FROM party_records p WHERE p.next_due_on <= $1";

  /** Streamers who left owe nothing (their obligations are removed), so the count needs no join. */
  private static final String DUE_COUNT = "SELECT count(*) AS total FROM party_obligations o";

  private static final String DUE = """
      SELECT o.streamer_id, o.kind, o.due_on, s.real_name, s.stage_name, s.team_id,
             (SELECT t.name FROM teams t WHERE t.id = s.team_id) AS team_name, (%s) AS total
        FROM party_obligations o JOIN streamers s ON s.id = o.streamer_id
      """;

  private static final String COUNTS = """
      SELECT nullif(c.team_id, 0) AS team_id, t.name AS team_name, c.stage, sum(c.n) AS n
        FROM streamer_tallies c LEFT JOIN teams t ON t.id = c.team_id
       WHERE c.status <> 'left'
       GROUP BY c.team_id, t.name, c.stage
      HAVING sum(c.n) > 0
       ORDER BY nullif(c.team_id, 0) NULLS LAST, c.stage
      """;

  private final Pool pool;

  PartyRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  /** Streamers (id, status) whose record needs deriving again, locked for the rest of the transaction. */
  Future<List<Row>> lockStale(SqlClient tx, int limit) {
    return tx.preparedQuery(LOCK_STALE).execute(Tuple.of(PartyRecord.DERIVATION, limit)).map(rows -> Rows.all(rows, row -> row));
  }

  /** Serializes writes to one streamer's record for the rest of the transaction. */
  Future<Void> lock(SqlClient tx, long streamerId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(streamerId)).mapEmpty();
  }

  Future<List<PartyStep>> steps(SqlClient client, long streamerId) {
    return client.preparedQuery(STEPS).execute(Tuple.of(streamerId)).map(rows -> Rows.all(rows, PartyStep::from));
  }

  Future<Void> insertStep(SqlClient tx, long streamerId, PartyStep step, Long actorId) {
    return tx.preparedQuery(INSERT_STEP).execute(Tuple.from(new Object[] {streamerId, step.kind().code(), step.on(),
            step.hours() == null ? null : Numeric.create(step.hours()), step.days(), step.months(), step.details(), actorId}))
        .mapEmpty();
  }

  /** Stores the derived record and what it now owes, replacing the previous ones. */
  Future<Void> saveDerived(SqlClient tx, long streamerId, PartyRecord record, List<Obligation> owed) {
    Future<?> saved = tx.preparedQuery(UPSERT_RECORD)
        .execute(Tuple.of(streamerId, record.stage().code(), record.toJson(), PartyRecord.DERIVATION))
        .compose(v -> tx.preparedQuery(CLEAR_OBLIGATIONS).execute(Tuple.of(streamerId)));
    if (owed.isEmpty()) return saved.mapEmpty();
    List<Tuple> batch = owed.stream().map(o -> Tuple.of(streamerId, o.kind(), o.dueOn())).toList();
    return saved.compose(v -> tx.preparedQuery(INSERT_OBLIGATION).executeBatch(batch)).mapEmpty();
  }

  Future<Void> audit(SqlClient tx, long streamerId, Long actorId, String action, JsonObject before, JsonObject after) {
    return tx.preparedQuery(INSERT_AUDIT).execute(Tuple.of(streamerId, actorId, action, before, after)).mapEmpty();
  }

  Future<Rows.Page<PartyViews.AuditEntry>> auditLog(long streamerId, Paging paging) {
    return pool.preparedQuery(AUDIT).execute(Tuple.of(streamerId, paging.size(), paging.offset()))
        .map(rows -> Rows.page(rows, PartyViews.AuditEntry::from));
  }

  Future<Rows.Page<PartyViews.RegisterEntry>> register(RegisterFilter f, Paging paging) {
    SqlWhere where = new SqlWhere()
        .when(f.teamId(), "s.team_id = ?")
        .when(f.status(), "s.status = ?")
        .when(f.dueBy(), "p.next_due_on <= ?");
    if (Stage.NONE.code().equals(f.stage())) where.always("p.streamer_id IS NULL");
    else where.when(f.stage(), "p.stage = ?");
    String page = REGISTER_FROM + where.sql() + "ORDER BY s.id" + SqlWhere.limitOffset(paging.page(), paging.size());
    String count = registerCount(f, where);
    return Rows.page(pool.preparedQuery(REGISTER.formatted(page, count, NUMBERED, NUMBERED)).execute(where.params()),
        () -> pool.preparedQuery(count).execute(where.params()), paging.page() == 1, PartyViews.RegisterEntry::from);
  }

  /**
   * The register's total: from the tallies (V13) unless it depends on the day; then, with no other filter, from the
   * records' next due dates alone (leavers owe nothing); else by counting the filtered rows. Values go in the order of
   * {@code where}, so the count shares the page query's parameters.
   */
  private static String registerCount(RegisterFilter f, SqlWhere where) {
    if (f.dueBy() == null) {
      SqlWhere tally = new SqlWhere().when(f.teamId(), "team_id = ?").when(f.status(), "status = ?");
      if (Stage.NONE.code().equals(f.stage())) tally.always("stage = 'none'");
      else tally.when(f.stage(), "stage = ?");
      return TALLY + tally.sql();
    }
    if (f.teamId() == null && f.status() == null && f.stage() == null) return DUE_STREAMERS;
    return "SELECT count(*) AS total" + REGISTER_FROM + where.sql();
  }

  /** Obligations in view on asOf (due within the window or overdue), soonest first. */
  Future<Rows.Page<PartyViews.DueItem>> due(DueFilter f, Paging paging) {
    SqlWhere where = new SqlWhere()
        .when(Obligation.horizon(f.asOf()), "o.due_on <= ?")
        .when(f.teamId(), "o.team_id = ?")
        .when(f.kind(), "o.kind = ?")
        .when(Obligation.OVERDUE.equals(f.status()) ? f.asOf() : null, "o.due_on < ?")
        .when(Obligation.DUE.equals(f.status()) ? f.asOf() : null, "o.due_on >= ?");
    String count = DUE_COUNT + where.sql();
    return Rows.page(
        pool.preparedQuery(DUE.formatted(count) + where.sql() + "ORDER BY o.due_on, o.streamer_id, o.kind"
                + SqlWhere.limitOffset(paging.page(), paging.size()))
            .execute(where.params()),
        () -> pool.preparedQuery(count).execute(where.params()), paging.page() == 1,
        row -> PartyViews.DueItem.from(row, f.asOf()));
  }

  Future<List<Row>> stepCounts(Long teamId) {
    return pool.preparedQuery(STEP_COUNTS).execute(Tuple.of(teamId)).map(rows -> Rows.all(rows, row -> row));
  }

  Future<List<Row>> counts() {
    return pool.preparedQuery(COUNTS).execute().map(rows -> Rows.all(rows, row -> row));
  }
}
