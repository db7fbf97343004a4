package cn.redlive.study;

import cn.redlive.platform.Rows;
import cn.redlive.core.Paging;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** All SQL of the study corner. The team table reads streamers.team_id (read-only) to know who is in a team. */
final class StudyRepository {

  record NewItem(String title, String kind, int minutes, double classHours, int points, String contentUrl, String body,
                 JsonArray quiz) {
  }

  record Progress(long streamerId, long itemId, int minutes, boolean completed, int pointsAwarded, OffsetDateTime at,
                  LocalDate day, boolean verified) {
  }

  /** The heartbeat-timed reading of one item: seconds studied, and how many of them are already recorded. */
  record Session(int seconds, int creditedSeconds) {
  }

  private static final String ITEM_COLUMNS = "id, title, kind, minutes, class_hours, points, published_at, content_url, body, quiz";

  private static final String INSERT_ITEM = """
      INSERT INTO study_items (title, kind, minutes, class_hours, points, published_by, content_url, body, quiz)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      RETURNING %s
      """.formatted(ITEM_COLUMNS);

  /**
   * Opens the item or counts a heartbeat: the time since the last beat is added when it is at most $4 seconds
   * (the page was open), else the reading restarts from this beat. Server time ($3) only.
   */
  private static final String BEAT = """
      INSERT INTO study_sessions AS s (streamer_id, item_id, opened_at, last_beat_at) VALUES ($1, $2, $3, $3)
      ON CONFLICT (streamer_id, item_id) DO UPDATE SET
        seconds = s.seconds + CASE WHEN excluded.last_beat_at - s.last_beat_at <= make_interval(secs => $4)
                                   THEN greatest(0, floor(extract(epoch FROM excluded.last_beat_at - s.last_beat_at)))::integer
                                   ELSE 0 END,
        last_beat_at = greatest(s.last_beat_at, excluded.last_beat_at)
      RETURNING seconds, credited_seconds
      """;

  private static final String SESSION = """
      SELECT seconds, credited_seconds FROM study_sessions WHERE streamer_id = $1 AND item_id = $2 FOR UPDATE
      """;

  private static final String CREDIT = "UPDATE study_sessions SET credited_seconds = $3 WHERE streamer_id = $1 AND item_id = $2";

  private static final String POINTS_ON_DAY_FOR_KIND = """
      SELECT coalesce(sum(sp.points_awarded), 0) AS points
        FROM study_progress sp JOIN study_items si ON si.id = sp.item_id
       WHERE sp.streamer_id = $1 AND sp.day = $2 AND si.kind = $3
      """;

  private static final String LIST_ITEMS = """
      SELECT %s, count(*) OVER () AS total FROM study_items
       WHERE ($1::text IS NULL OR kind = $1)
       ORDER BY id
       LIMIT $2 OFFSET $3
      """.formatted(ITEM_COLUMNS);

  private static final String FIND_ITEM = "SELECT " + ITEM_COLUMNS + " FROM study_items WHERE id = $1";

  private static final String LOCK_STREAMER = "SELECT id FROM streamers WHERE id = $1 FOR UPDATE";

  private static final String COMPLETED = """
      SELECT 1 FROM study_progress WHERE streamer_id = $1 AND item_id = $2 AND completed
      """;

  private static final String POINTS_ON_DAY = """
      SELECT coalesce(sum(points_awarded), 0) AS points FROM study_progress WHERE streamer_id = $1 AND day = $2
      """;

  private static final String INSERT_PROGRESS = """
      INSERT INTO study_progress (streamer_id, item_id, minutes, completed, points_awarded, at, day, verified)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      """;

  private static final String TOTALS = """
      SELECT coalesce(sum(sp.points_awarded), 0) AS points,
             coalesce(sum(sp.points_awarded) FILTER (WHERE sp.day = $2), 0) AS points_today,
             coalesce(sum(sp.minutes), 0) AS minutes,
             count(*) FILTER (WHERE sp.completed) AS completed,
             coalesce(sum(si.class_hours) FILTER (WHERE sp.completed AND sp.verified AND si.kind = 'course'), 0) AS course_hours,
             (SELECT count(*) FROM study_items) AS total_items
        FROM study_progress sp JOIN study_items si ON si.id = sp.item_id
       WHERE sp.streamer_id = $1 AND sp.day <= $2
      """;

  private static final String STUDY_DAYS = """
      SELECT DISTINCT day FROM study_progress WHERE streamer_id = $1 AND day <= $2 ORDER BY day DESC LIMIT 400
      """;

  private static final String REMAINING = """
      SELECT %s FROM study_items si
       WHERE NOT EXISTS (SELECT 1 FROM study_progress sp
                          WHERE sp.streamer_id = $1 AND sp.item_id = si.id AND sp.completed AND sp.day <= $2)
       ORDER BY si.id
      """.formatted(ITEM_COLUMNS);

  private static final String COURSE_COMPLETIONS = """
      SELECT sp.day, si.class_hours
        FROM study_progress sp JOIN study_items si ON si.id = sp.item_id
       WHERE sp.streamer_id = $1 AND sp.completed AND sp.verified AND si.kind = 'course'
      """;

  private static final String TEAM_TABLE = """
      SELECT s.id, s.real_name, s.stage_name,
             count(sp.id) FILTER (WHERE sp.completed) AS completed,
             coalesce(sum(sp.points_awarded), 0) AS points,
             coalesce(sum(sp.minutes), 0) AS minutes,
             max(sp.day) AS last_day
        FROM streamers s
        LEFT JOIN study_progress sp ON sp.streamer_id = s.id AND sp.day <= $2
       WHERE s.team_id = $1 AND s.status <> 'left'
       GROUP BY s.id
       ORDER BY s.id
      """;

  private static final String ITEM_COUNT = "SELECT count(*) AS n FROM study_items";

  private final Pool pool;

  StudyRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<StudyItem> insertItem(NewItem item, long publishedBy) {
    return pool.preparedQuery(INSERT_ITEM)
        .execute(Tuple.from(new Object[] {item.title(), item.kind(), item.minutes(), Numeric.create(item.classHours()),
            item.points(), publishedBy, item.contentUrl(), item.body(), item.quiz()}))
        .map(rows -> StudyItem.from(rows.iterator().next()));
  }

  Future<Rows.Page<StudyItem>> listItems(String kind, Paging paging) {
    return pool.preparedQuery(LIST_ITEMS).execute(Tuple.of(kind, paging.size(), paging.offset()))
        .map(rows -> Rows.page(rows, StudyItem::from));
  }

  Future<Optional<StudyItem>> findItem(long id) {
    return pool.preparedQuery(FIND_ITEM).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(StudyItem::from));
  }

  Future<Void> lockStreamer(SqlClient tx, long streamerId) {
    return tx.preparedQuery(LOCK_STREAMER).execute(Tuple.of(streamerId)).mapEmpty();
  }

  Future<Boolean> completed(SqlClient tx, long streamerId, long itemId) {
    return tx.preparedQuery(COMPLETED).execute(Tuple.of(streamerId, itemId)).map(rows -> rows.size() > 0);
  }

  Future<Integer> pointsOnDay(SqlClient tx, long streamerId, LocalDate day) {
    return tx.preparedQuery(POINTS_ON_DAY).execute(Tuple.of(streamerId, day))
        .map(rows -> rows.iterator().next().getLong("points").intValue());
  }

  Future<Void> insertProgress(SqlClient tx, Progress p) {
    return tx.preparedQuery(INSERT_PROGRESS).execute(Tuple.from(new Object[] {p.streamerId(), p.itemId(), p.minutes(),
        p.completed(), p.pointsAwarded(), p.at(), p.day(), p.verified()})).mapEmpty();
  }

  Future<Session> beat(long streamerId, long itemId, OffsetDateTime now, int maxGapSeconds) {
    return pool.preparedQuery(BEAT).execute(Tuple.of(streamerId, itemId, now, maxGapSeconds))
        .map(rows -> session(rows.iterator().next()));
  }

  Future<Optional<Session>> session(SqlClient tx, long streamerId, long itemId) {
    return tx.preparedQuery(SESSION).execute(Tuple.of(streamerId, itemId)).map(rows -> Rows.first(rows).map(StudyRepository::session));
  }

  Future<Void> credit(SqlClient tx, long streamerId, long itemId, int creditedSeconds) {
    return tx.preparedQuery(CREDIT).execute(Tuple.of(streamerId, itemId, creditedSeconds)).mapEmpty();
  }

  Future<Integer> pointsOnDayForKind(SqlClient tx, long streamerId, LocalDate day, String kind) {
    return tx.preparedQuery(POINTS_ON_DAY_FOR_KIND).execute(Tuple.of(streamerId, day, kind))
        .map(rows -> rows.iterator().next().getLong("points").intValue());
  }

  private static Session session(Row row) {
    return new Session(row.getInteger("seconds"), row.getInteger("credited_seconds"));
  }

  Future<Row> totals(long streamerId, LocalDate asOf) {
    return pool.preparedQuery(TOTALS).execute(Tuple.of(streamerId, asOf)).map(rows -> rows.iterator().next());
  }

  Future<List<LocalDate>> studyDays(long streamerId, LocalDate asOf) {
    return pool.preparedQuery(STUDY_DAYS).execute(Tuple.of(streamerId, asOf)).map(rows -> Rows.all(rows, r -> r.getLocalDate("day")));
  }

  Future<List<StudyItem>> remaining(long streamerId, LocalDate asOf) {
    return pool.preparedQuery(REMAINING).execute(Tuple.of(streamerId, asOf)).map(rows -> Rows.all(rows, StudyItem::from));
  }

  /** (day, class hours) of every completed course. */
  Future<List<Row>> courseCompletions(long streamerId) {
    return pool.preparedQuery(COURSE_COMPLETIONS).execute(Tuple.of(streamerId)).map(rows -> Rows.all(rows, r -> r));
  }

  Future<List<Row>> teamTable(long teamId, LocalDate asOf) {
    return pool.preparedQuery(TEAM_TABLE).execute(Tuple.of(teamId, asOf)).map(rows -> Rows.all(rows, r -> r));
  }

  Future<Long> itemCount() {
    return pool.preparedQuery(ITEM_COUNT).execute().map(rows -> rows.iterator().next().getLong("n"));
  }
}
