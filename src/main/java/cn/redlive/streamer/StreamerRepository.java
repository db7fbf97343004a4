package cn.redlive.streamer;

import cn.redlive.platform.LikePattern;
import cn.redlive.platform.Rows;
import cn.redlive.platform.SqlWhere;
import cn.redlive.core.Paging;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** All SQL of the streamer feature. */
final class StreamerRepository {

  /** The columns {@code Streamer.from(Row)} reads. */
  static final String COLUMNS = """
      s.id, s.account_id, s.real_name, s.stage_name, s.contact, s.previous_occupation, s.birth_date, s.joined_on,
      s.status, s.team_id, t.name AS team_name
      """;

  record Filter(Long teamId, String status, String query) {
  }

  record Changes(String stageName, String contact, String previousOccupation, String status) {
  }

  private static final String SELECT = "SELECT " + COLUMNS + " FROM streamers s LEFT JOIN teams t ON t.id = s.team_id ";

  private static final String FIND = SELECT + "WHERE s.id = $1";

  private static final String FIND_BY_ACCOUNT = SELECT + "WHERE s.account_id = $1";

  private static final String COUNT = "SELECT count(*) AS total FROM streamers s";

  /** Totals by team and status come from the tallies the database keeps (V13); only a name search counts rows. */
  private static final String TALLY = "SELECT coalesce(sum(n), 0) AS total FROM streamer_tallies";

  /**
   * The page's ids come from the filter's own index alone (index-only scans of (team_id, status, id) and the like),
   * then their rows: a cached generic plan cannot know that a team has no active streamers and would otherwise walk
   * the primary key filtering all of them.
   */
  private static final String LIST = "SELECT " + COLUMNS + ", (%s) AS total"
      + " FROM streamers s LEFT JOIN teams t ON t.id = s.team_id"
      + " WHERE s.id IN (SELECT s.id FROM streamers s%s) ORDER BY s.id";

  private static final String INSERT = """
      INSERT INTO streamers (account_id, real_name, stage_name, contact, previous_occupation, birth_date, joined_on)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (account_id) DO NOTHING
      RETURNING id
      """;

  private static final String UPDATE = """
      UPDATE streamers
         SET stage_name = coalesce($2, stage_name), contact = coalesce($3, contact),
             previous_occupation = coalesce($4, previous_occupation), status = coalesce($5, status), updated_at = now()
       WHERE id = $1
      """;

  private static final String OWNER = "SELECT account_id FROM streamers WHERE id = $1";

  private static final String INSERT_SCREENING = """
      INSERT INTO screenings (streamer_id, conduct_score, business_score, notes, decision, assessor_id, assessed_on)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      RETURNING id
      """;

  private static final String SCREENINGS = """
      SELECT sc.*
        FROM screenings sc
       WHERE sc.streamer_id = $1 AND ($2::bigint IS NULL OR sc.id = $2)
       ORDER BY sc.assessed_on DESC, sc.id DESC
      """;

  private static final String SET_STATUS = "UPDATE streamers SET status = $2, updated_at = now() WHERE id = $1";

  private final Pool pool;

  StreamerRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Optional<Streamer>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(Streamer::from));
  }

  Future<Optional<Streamer>> findByAccount(long accountId) {
    return pool.preparedQuery(FIND_BY_ACCOUNT).execute(Tuple.of(accountId)).map(rows -> Rows.first(rows).map(Streamer::from));
  }

  Future<Rows.Page<Streamer>> list(Filter filter, Paging paging) {
    SqlWhere where = new SqlWhere()
        .when(filter.teamId(), "s.team_id = ?")
        .when(filter.status(), "s.status = ?")
        .when(LikePattern.containing(filter.query()), "(s.real_name LIKE ? OR s.stage_name LIKE ?)");
    // same values in the same order, so the count shares the page query's parameters
    String count = filter.query() != null ? COUNT + where.sql() : TALLY + new SqlWhere()
        .when(filter.teamId(), "team_id = ?")
        .when(filter.status(), "status = ?").sql();
    String ids = where.sql() + "ORDER BY s.id" + SqlWhere.limitOffset(paging.page(), paging.size());
    return Rows.page(pool.preparedQuery(LIST.formatted(count, ids)).execute(where.params()),
        () -> pool.preparedQuery(count).execute(where.params()), paging.page() == 1, Streamer::from);
  }

  /** Empty when the account is already linked to another streamer. */
  Future<Optional<Long>> insert(NewStreamer s) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {s.accountId(), s.realName(), s.stageName(), s.contact(),
            s.previousOccupation(), s.birthDate(), s.joinedOn()}))
        .map(rows -> Rows.first(rows).map(r -> r.getLong("id")));
  }

  Future<Boolean> update(long id, Changes c) {
    return pool.preparedQuery(UPDATE)
        .execute(Tuple.of(id, c.stageName(), c.contact(), c.previousOccupation(), c.status()))
        .map(rows -> rows.rowCount() == 1);
  }

  /** The account linked to the streamer; empty when there is no such streamer or it has no login. */
  Future<Optional<Long>> owner(long streamerId) {
    return pool.preparedQuery(OWNER).execute(Tuple.of(streamerId))
        .map(rows -> Rows.first(rows).map(r -> r.getLong("account_id")));
  }

  Future<Long> insertScreening(SqlClient tx, long streamerId, int conduct, int business, String notes, String decision,
                               long assessorId, LocalDate on) {
    return tx.preparedQuery(INSERT_SCREENING)
        .execute(Tuple.from(new Object[] {streamerId, conduct, business, notes, decision, assessorId, on}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> setStatus(SqlClient tx, long streamerId, String status) {
    return tx.preparedQuery(SET_STATUS).execute(Tuple.of(streamerId, status)).mapEmpty();
  }

  Future<List<Screening>> screenings(long streamerId, Long onlyId) {
    return pool.preparedQuery(SCREENINGS).execute(Tuple.of(streamerId, onlyId)).map(rows -> Rows.all(rows, Screening::from));
  }
}
