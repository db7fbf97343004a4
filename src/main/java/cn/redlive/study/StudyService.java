package cn.redlive.study;

import cn.redlive.platform.BaseDays;
import cn.redlive.platform.Rows;
import cn.redlive.streamer.StreamerService;
import cn.redlive.core.JsonView;
import cn.redlive.core.Paging;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The study corner: items managers publish, progress streamers record, points, streaks and who is behind. */
public final class StudyService {

  /** Not studied for this many days puts a streamer behind. */
  static final int INACTIVE_DAYS = 7;

  private final StudyRepository repository;
  private final StreamerService streamers;
  private final Clock clock;

  public StudyService(Pool pool, StreamerService streamers, Clock clock) {
    this.repository = new StudyRepository(pool);
    this.streamers = streamers;
    this.clock = clock;
  }

  public Future<StudyItem> publish(String title, String kind, int minutes, double classHours, int points, long managerId) {
    if (!StudyItem.COURSE.equals(kind) && classHours > 0) {
      return Future.failedFuture(ProblemException.invalidField("classHours", "only a course carries class hours"));
    }
    return repository.insertItem(new StudyRepository.NewItem(title.trim(), kind, minutes, classHours, points), managerId);
  }

  public Future<Rows.Page<StudyItem>> items(String kind, Paging paging) {
    return repository.listItems(kind, paging);
  }

  /** Records the caller's progress on an item at {@code at} (default now); answers what it earned. */
  public Future<JsonObject> recordProgress(long accountId, long itemId, int minutes, boolean completed, Instant at) {
    return streamers.ofAccount(accountId).compose(streamer -> recordProgressOf(streamer.id(), itemId, minutes, completed, at));
  }

  /** Records a streamer's progress (the demo loader uses this for streamers without a login). */
  public Future<JsonObject> recordProgressOf(long streamerId, long itemId, int minutes, boolean completed, Instant at) {
    Instant when = at == null ? Instant.now(clock) : at;
    if (when.isAfter(Instant.now(clock).plusSeconds(300))) {
      return Future.failedFuture(ProblemException.ruleViolated("date-in-future", "Progress cannot be recorded in the future."));
    }
    LocalDate day = BaseDays.dayOf(when);
    return streamers.get(streamerId).compose(streamer -> repository.findItem(itemId)
        .compose(item -> item.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(ProblemException.notFound("There is no study item " + itemId + "."))))
        .compose(item -> repository.pool().withTransaction(tx -> repository.lockStreamer(tx, streamer.id())
            .compose(v -> repository.completed(tx, streamer.id(), itemId))
            .compose(done -> repository.pointsOnDay(tx, streamer.id(), day).compose(earned -> {
              boolean first = completed && !done;
              int awarded = PointsRule.award(item.points(), first, earned);
              var progress = new StudyRepository.Progress(streamer.id(), itemId, minutes, first, awarded,
                  when.atOffset(ZoneOffset.UTC), day);
              return repository.insertProgress(tx, progress).map(v -> new JsonObject()
                  .put("streamerId", streamer.id())
                  .put("itemId", itemId)
                  .put("day", day.toString())
                  .put("minutes", minutes)
                  .put("completed", completed)
                  .put("alreadyCompleted", completed && done)
                  .put("pointsAwarded", awarded)
                  .put("pointsCapped", first && awarded < item.points())
                  .put("pointsThatDay", earned + awarded)
                  .put("dailyCap", PointsRule.DAILY_CAP));
            })))));
  }

  /** A streamer's own view: points, today's points against the cap, streak, and what remains to study. */
  public Future<JsonObject> summary(long streamerId, LocalDate asOf) {
    LocalDate day = asOf == null ? BaseDays.today(clock) : asOf;
    return streamers.get(streamerId)
        .compose(s -> repository.totals(streamerId, day))
        .compose(totals -> repository.studyDays(streamerId, day)
            .compose(days -> repository.remaining(streamerId, day).map(remaining -> new JsonObject()
                .put("streamerId", streamerId)
                .put("asOf", day.toString())
                .put("points", totals.getLong("points"))
                .put("pointsToday", totals.getLong("points_today"))
                .put("dailyCap", PointsRule.DAILY_CAP)
                .put("streakDays", Streak.length(days, day))
                .put("minutes", totals.getLong("minutes"))
                .put("completedItems", totals.getLong("completed"))
                .put("totalItems", totals.getLong("total_items"))
                .put("courseHours", totals.getNumeric("course_hours").doubleValue())
                .put("remaining", JsonView.itemsOf(remaining).getJsonArray("items")))));
  }

  /** For the training requirement: class hours of the streamer's completed courses up to any day. */
  public Future<ToDoubleFunction<LocalDate>> courseHoursBy(long streamerId) {
    return repository.courseCompletions(streamerId).map(rows -> by -> rows.stream()
        .filter(row -> !row.getLocalDate("day").isAfter(by))
        .mapToDouble(row -> row.getNumeric("class_hours").doubleValue())
        .sum());
  }

  /** The manager's table for one team: every current member's progress and whether they are behind, and why. */
  public Future<JsonObject> teamTable(long teamId, LocalDate asOf) {
    LocalDate day = asOf == null ? BaseDays.today(clock) : asOf;
    return repository.itemCount().compose(total -> repository.teamTable(teamId, day).map(rows -> {
      JsonArray members = new JsonArray();
      long behind = 0;
      for (Row row : rows) {
        List<String> reasons = behindReasons(row, total, day);
        if (!reasons.isEmpty()) behind++;
        LocalDate last = row.getLocalDate("last_day");
        members.add(new JsonObject()
            .put("streamerId", row.getLong("id"))
            .put("realName", row.getString("real_name"))
            .put("stageName", row.getString("stage_name"))
            .put("completedItems", row.getLong("completed"))
            .put("totalItems", total)
            .put("points", row.getLong("points"))
            .put("minutes", row.getLong("minutes"))
            .put("lastStudiedOn", last == null ? null : last.toString())
            .put("behind", !reasons.isEmpty())
            .put("behindReasons", new JsonArray(reasons)));
      }
      return new JsonObject().put("teamId", teamId).put("asOf", day.toString()).put("totalItems", total)
          .put("behindCount", behind).put("members", members);
    }));
  }

  /** Behind: fewer than half of the items completed, or no study in the last {@link #INACTIVE_DAYS} days. */
  private static List<String> behindReasons(Row row, long totalItems, LocalDate asOf) {
    List<String> reasons = new ArrayList<>();
    if (row.getLong("completed") * 2 < totalItems) reasons.add("less-than-half-completed");
    LocalDate last = row.getLocalDate("last_day");
    if (last == null || last.isBefore(asOf.minusDays(INACTIVE_DAYS - 1L))) reasons.add("inactive-" + INACTIVE_DAYS + "-days");
    return reasons;
  }
}
