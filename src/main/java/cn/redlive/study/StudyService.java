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
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The study corner: items managers publish, progress streamers record, points, streaks and who is behind. */
public final class StudyService {

  /** Not studied for this many days puts a streamer behind. */
  static final int INACTIVE_DAYS = 7;
  /** The study page beats every 30 s; a longer gap than this means it was closed, and the gap is not counted. */
  static final int BEAT_GAP_SECONDS = 75;
  /** How far a client's clock may be from the server's for an {@code at} it sends. */
  static final int CLOCK_SKEW_SECONDS = 300;

  private final StudyRepository repository;
  private final StreamerService streamers;
  private final Clock clock;

  StudyService(StudyRepository repository, StreamerService streamers, Clock clock) {
    this.repository = repository;
    this.streamers = streamers;
    this.clock = clock;
  }

  /** What a manager publishes: the item, its content, and an optional quiz ({question, options, answer}). */
  public record NewItem(String title, String kind, int minutes, double classHours, int points, String contentUrl,
                        String body, JsonArray quiz) {
  }

  /** What a streamer's study page sends: minutes it believes were studied, completion, when, quiz answers. */
  public record Claim(Integer minutes, boolean completed, Instant at, JsonArray answers) {
  }

  public Future<StudyItem> publish(NewItem item, long managerId) {
    if (!StudyItem.COURSE.equals(item.kind()) && item.classHours() > 0) {
      return Future.failedFuture(ProblemException.invalidField("classHours", "only a course carries class hours"));
    }
    JsonArray quiz = item.quiz() == null ? new JsonArray() : item.quiz();
    for (int i = 0; i < quiz.size(); i++) {
      JsonObject q = quiz.getJsonObject(i);
      Integer answer = q.getInteger("answer");
      if (answer == null || answer < 0 || answer >= q.getJsonArray("options").size()) {
        return Future.failedFuture(ProblemException.invalidField("quiz[" + i + "].answer", "must name one of the options"));
      }
    }
    return repository.insertItem(new StudyRepository.NewItem(item.title().trim(), item.kind(), item.minutes(),
        item.classHours(), item.points(), item.contentUrl(), item.body(), quiz), managerId);
  }

  public Future<Rows.Page<StudyItem>> items(String kind, Paging paging) {
    return repository.listItems(kind, paging);
  }

  /**
   * A heartbeat from the study page while the item is open: the server adds the time since the previous beat, by its
   * own clock, when the page kept beating (at most {@link #BEAT_GAP_SECONDS} apart); the first beat opens the item.
   */
  public Future<JsonObject> heartbeat(long accountId, long itemId) {
    OffsetDateTime now = Instant.now(clock).atOffset(ZoneOffset.UTC);
    return streamers.ofAccount(accountId).compose(streamer -> item(itemId)
        .compose(item -> repository.beat(streamer.id(), itemId, now, BEAT_GAP_SECONDS).map(session -> new JsonObject()
            .put("itemId", itemId)
            .put("seconds", session.seconds())
            .put("requiredSeconds", item.requiredSeconds())
            .put("quiz", item.hasQuiz()))));
  }

  /**
   * Records the caller's progress now. Minutes are the heartbeat-timed ones not yet recorded, never the page's own
   * count; a completion needs the item's duration in heartbeats or its quiz answered right; progress cannot be dated
   * in the past or future.
   */
  public Future<JsonObject> recordProgress(long accountId, long itemId, Claim claim) {
    Instant now = Instant.now(clock);
    if (claim.at() != null && claim.at().isBefore(now.minusSeconds(CLOCK_SKEW_SECONDS))) {
      return Future.failedFuture(ProblemException.ruleViolated("progress-backdated",
          "Progress is recorded when it happens, by the server's clock; it cannot be dated " + claim.at() + "."));
    }
    if (claim.at() != null && claim.at().isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
      return Future.failedFuture(ProblemException.ruleViolated("date-in-future", "Progress cannot be recorded in the future."));
    }
    return streamers.ofAccount(accountId).compose(streamer -> item(itemId).compose(item -> repository.pool()
        .withTransaction(tx -> repository.lockStreamer(tx, streamer.id())
            .compose(v -> repository.session(tx, streamer.id(), itemId))
            .compose(session -> {
              var timed = session.orElse(new StudyRepository.Session(0, 0));
              int minutes = (timed.seconds() - timed.creditedSeconds()) / 60;
              if (claim.minutes() != null && claim.minutes() > minutes) {
                throw ProblemException.ruleViolated("minutes-not-studied", "Only " + minutes
                    + " minutes were timed while the item was open; " + claim.minutes() + " were claimed.");
              }
              if (claim.completed()) checkCompletion(item, timed, claim.answers());
              return repository.credit(tx, streamer.id(), itemId, timed.creditedSeconds() + minutes * 60)
                  .compose(v -> record(tx, streamer.id(), item, minutes, claim.completed(), now, true));
            }))));
  }

  private static void checkCompletion(StudyItem item, StudyRepository.Session timed, JsonArray answers) {
    if (item.hasQuiz()) {
      if (!item.passes(answers)) throw ProblemException.ruleViolated("quiz-not-passed", "Every quiz question must be answered right.");
    } else if (timed.seconds() < item.requiredSeconds()) {
      throw ProblemException.ruleViolated("study-not-finished", "The item takes " + item.minutes() + " minutes; "
          + timed.seconds() / 60 + " were timed while it was open.");
    }
  }

  /**
   * Records progress of a streamer without a login as declared, unverified: its class hours never count toward the
   * Party training rule. The demo loader uses this for the history of its streamers.
   */
  public Future<JsonObject> recordDeclaredProgressOf(long streamerId, long itemId, int minutes, boolean completed, Instant at) {
    return streamers.get(streamerId).compose(streamer -> item(itemId).compose(item -> repository.pool()
        .withTransaction(tx -> repository.lockStreamer(tx, streamerId)
            .compose(v -> record(tx, streamerId, item, minutes, completed, at, false)))));
  }

  private Future<StudyItem> item(long itemId) {
    return repository.findItem(itemId).compose(item -> item.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ProblemException.notFound("There is no study item " + itemId + "."))));
  }

  private Future<JsonObject> record(SqlClient tx, long streamerId, StudyItem item, int minutes, boolean completed,
                                    Instant when, boolean verified) {
    LocalDate day = BaseDays.dayOf(when);
    return repository.completed(tx, streamerId, item.id())
        .compose(done -> repository.pointsOnDay(tx, streamerId, day)
            .compose(earned -> repository.pointsOnDayForKind(tx, streamerId, day, item.kind()).compose(earnedKind -> {
              boolean first = completed && !done;
              int awarded = PointsRule.award(item.points(), first, earned, item.kind(), earnedKind);
              var progress = new StudyRepository.Progress(streamerId, item.id(), minutes, first, awarded,
                  when.atOffset(ZoneOffset.UTC), day, verified);
              return repository.insertProgress(tx, progress).map(v -> new JsonObject()
                  .put("streamerId", streamerId)
                  .put("itemId", item.id())
                  .put("day", day.toString())
                  .put("minutes", minutes)
                  .put("completed", completed)
                  .put("verified", verified)
                  .put("alreadyCompleted", completed && done)
                  .put("pointsAwarded", awarded)
                  .put("pointsCapped", first && awarded < item.points())
                  .put("pointsThatDay", earned + awarded)
                  .put("dailyCap", PointsRule.DAILY_CAP)
                  .put("actionCap", PointsRule.ACTION_CAPS.get(item.kind())));
            })));
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
          .put("behindCount", behind).put("members", members).put("ranking", ranking(members));
    }));
  }

  /** The team's points ranking: most points first; equal points share a rank (1, 1, 3). */
  private static JsonArray ranking(JsonArray members) {
    List<JsonObject> sorted = new ArrayList<>();
    members.forEach(m -> sorted.add((JsonObject) m));
    sorted.sort((a, b) -> Long.compare(b.getLong("points"), a.getLong("points")));
    JsonArray ranking = new JsonArray();
    for (int i = 0; i < sorted.size(); i++) {
      JsonObject m = sorted.get(i);
      boolean tie = i > 0 && sorted.get(i - 1).getLong("points").equals(m.getLong("points"));
      int rank = tie ? ranking.getJsonObject(i - 1).getInteger("rank") : i + 1;
      ranking.add(new JsonObject().put("rank", rank).put("streamerId", m.getLong("streamerId"))
          .put("stageName", m.getString("stageName")).put("points", m.getLong("points")));
    }
    return ranking;
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
