package cn.redlive.team;

import cn.redlive.platform.Rows;
import cn.redlive.core.Paging;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** All SQL of the team feature. */
final class TeamRepository {

  private static final String TEAM_COLUMNS = """
      t.id, t.name, t.captain_streamer_id, c.stage_name AS captain_name,
      (SELECT count(*) FROM streamers s WHERE s.team_id = t.id) AS members
      """;

  private static final String LIST = """
      SELECT %s, count(*) OVER () AS total
        FROM teams t LEFT JOIN streamers c ON c.id = t.captain_streamer_id
       ORDER BY t.id
       LIMIT $1 OFFSET $2
      """.formatted(TEAM_COLUMNS);

  private static final String FIND = """
      SELECT %s FROM teams t LEFT JOIN streamers c ON c.id = t.captain_streamer_id WHERE t.id = $1
      """.formatted(TEAM_COLUMNS);

  private static final String INSERT = """
      INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id
      """;

  private static final String MEMBERSHIP_COLUMNS = """
      m.streamer_id, s.stage_name, m.team_id, t.name AS team_name, m.from_at, m.until_at
        FROM team_memberships m
        JOIN streamers s ON s.id = m.streamer_id
        JOIN teams t ON t.id = m.team_id
      """;

  private static final String CURRENT_MEMBERS = """
      SELECT %s WHERE m.team_id = $1 AND m.from_at <= $2 AND (m.until_at IS NULL OR m.until_at > $2)
       ORDER BY m.from_at, m.streamer_id
      """.formatted(MEMBERSHIP_COLUMNS);

  private static final String HISTORY = """
      SELECT %s WHERE m.streamer_id = $1 ORDER BY m.from_at
      """.formatted(MEMBERSHIP_COLUMNS);

  private static final String TEAM_AT = """
      SELECT team_id FROM team_memberships
       WHERE streamer_id = $1 AND from_at <= $2 AND (until_at IS NULL OR until_at > $2)
      """;

  private static final String LOCK_STREAMER = """
      SELECT status, team_id FROM streamers WHERE id = $1 FOR UPDATE
      """;

  private static final String LATEST_DATES = """
      SELECT max(from_at) AS latest_from, max(until_at) AS latest_until FROM team_memberships WHERE streamer_id = $1
      """;

  private static final String CLOSE_OPEN = """
      UPDATE team_memberships SET until_at = $2 WHERE streamer_id = $1 AND until_at IS NULL
      """;

  private static final String DROP_CAPTAINCY = """
      UPDATE teams SET captain_streamer_id = NULL WHERE captain_streamer_id = $1
      """;

  private static final String OPEN = """
      INSERT INTO team_memberships (streamer_id, team_id, from_at) VALUES ($1, $2, $3)
      """;

  private static final String SET_CURRENT_TEAM = """
      UPDATE streamers SET team_id = $2, updated_at = now() WHERE id = $1
      """;

  private static final String SET_CAPTAIN = """
      UPDATE teams SET captain_streamer_id = $2
       WHERE id = $1 AND EXISTS (SELECT 1 FROM streamers s WHERE s.id = $2 AND s.team_id = $1)
      """;

  /**
   * Streamers with a membership starting or ending in ($1, $2] get the team they are in at $2 as their current team;
   * a captain who moved out of the team leaves its captaincy. Idempotent, so every instance may run it.
   */
  private static final String DUE_MOVES = """
      WITH touched AS (
        SELECT DISTINCT streamer_id FROM team_memberships
         WHERE (from_at > $1 AND from_at <= $2) OR (until_at > $1 AND until_at <= $2)
      )
      SELECT count(*) AS due FROM touched t JOIN streamers s ON s.id = t.streamer_id
        LEFT JOIN LATERAL (SELECT m.team_id FROM team_memberships m WHERE m.streamer_id = t.streamer_id
                             AND m.from_at <= $2 AND (m.until_at IS NULL OR m.until_at > $2)) cur ON true
       WHERE s.team_id IS DISTINCT FROM cur.team_id
      """;

  private static final String APPLY_DUE_MOVES = """
      WITH touched AS (
        SELECT DISTINCT streamer_id FROM team_memberships
         WHERE (from_at > $1 AND from_at <= $2) OR (until_at > $1 AND until_at <= $2)
      ), moved AS (
        UPDATE streamers s SET team_id = cur.team_id, updated_at = now()
          FROM touched t
          LEFT JOIN LATERAL (SELECT m.team_id FROM team_memberships m WHERE m.streamer_id = t.streamer_id
                               AND m.from_at <= $2 AND (m.until_at IS NULL OR m.until_at > $2)) cur ON true
         WHERE s.id = t.streamer_id AND s.team_id IS DISTINCT FROM cur.team_id
        RETURNING s.id, s.team_id
      ), dropped AS (
        UPDATE teams t SET captain_streamer_id = NULL FROM moved
         WHERE t.captain_streamer_id = moved.id AND t.id IS DISTINCT FROM moved.team_id
      )
      SELECT count(*) AS moved FROM moved
      """;

  /** The lock and the facts a move is checked against. */
  record MoveState(String status, Long currentTeamId, OffsetDateTime latestFrom, OffsetDateTime latestUntil) {
  }

  private final Pool pool;

  TeamRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Rows.Page<Team>> list(Paging paging) {
    return pool.preparedQuery(LIST).execute(Tuple.of(paging.size(), paging.offset())).map(rows -> Rows.page(rows, Team::from));
  }

  Future<Optional<Team>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(Team::from));
  }

  /** Empty when the name is taken. */
  Future<Optional<Long>> insert(String name) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(name)).map(rows -> Rows.first(rows).map(r -> r.getLong("id")));
  }

  Future<List<Membership>> currentMembers(long teamId, OffsetDateTime now) {
    return pool.preparedQuery(CURRENT_MEMBERS).execute(Tuple.of(teamId, now)).map(TeamRepository::memberships);
  }

  /**
   * Only a check reads while nothing is due: the update's statement triggers would bump the report topics (V45, V47)
   * even for no rows, and every cached report with them, twice a minute.
   */
  Future<Integer> applyDueMoves(OffsetDateTime after, OffsetDateTime upTo) {
    Tuple args = Tuple.of(after, upTo);
    return pool.preparedQuery(DUE_MOVES).execute(args).compose(due -> due.iterator().next().getLong("due") == 0
        ? Future.succeededFuture(0)
        : pool.preparedQuery(APPLY_DUE_MOVES).execute(args).map(rows -> rows.iterator().next().getLong("moved").intValue()));
  }

  Future<List<Membership>> history(long streamerId) {
    return pool.preparedQuery(HISTORY).execute(Tuple.of(streamerId)).map(TeamRepository::memberships);
  }

  Future<Optional<Long>> teamAt(long streamerId, OffsetDateTime at) {
    return pool.preparedQuery(TEAM_AT).execute(Tuple.of(streamerId, at)).map(rows -> Rows.first(rows).map(r -> r.getLong("team_id")));
  }

  /** Locks the streamer for the rest of the transaction; empty when there is no such streamer. */
  Future<Optional<MoveState>> lockForMove(SqlClient tx, long streamerId) {
    return tx.preparedQuery(LOCK_STREAMER).execute(Tuple.of(streamerId)).compose(rows -> {
      Optional<Row> streamer = Rows.first(rows);
      if (streamer.isEmpty()) return Future.succeededFuture(Optional.empty());
      return tx.preparedQuery(LATEST_DATES).execute(Tuple.of(streamerId)).map(dates -> {
        Row d = dates.iterator().next();
        return Optional.of(new MoveState(streamer.get().getString("status"), streamer.get().getLong("team_id"),
            d.getOffsetDateTime("latest_from"), d.getOffsetDateTime("latest_until")));
      });
    });
  }

  /**
   * Ends the open membership at {@code at} and opens one in {@code teamId}, or none when null. A move in effect now
   * also sets the current team and drops the captaincy; a later one leaves both to {@link #applyDueMoves}.
   */
  Future<Void> switchTeam(SqlClient tx, long streamerId, Long teamId, OffsetDateTime at, boolean later) {
    Future<?> closed = tx.preparedQuery(CLOSE_OPEN).execute(Tuple.of(streamerId, at));
    Future<?> opened = teamId == null ? closed
        : closed.compose(v -> tx.preparedQuery(OPEN).execute(Tuple.of(streamerId, teamId, at)));
    if (later) return opened.mapEmpty();
    return opened.compose(v -> tx.preparedQuery(DROP_CAPTAINCY).execute(Tuple.of(streamerId)))
        .compose(v -> tx.preparedQuery(SET_CURRENT_TEAM).execute(Tuple.of(streamerId, teamId))).mapEmpty();
  }

  /** False when the streamer is not a current member of the team. */
  Future<Boolean> setCaptain(long teamId, long streamerId) {
    return pool.preparedQuery(SET_CAPTAIN).execute(Tuple.of(teamId, streamerId)).map(rows -> rows.rowCount() == 1);
  }

  private static List<Membership> memberships(RowSet<Row> rows) {
    return Rows.all(rows, Membership::from);
  }
}
