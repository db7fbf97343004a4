package cn.redlive.party;

import cn.redlive.account.AccountService;
import cn.redlive.platform.BaseDays;
import cn.redlive.platform.Rows;
import cn.redlive.streamer.Streamer;
import cn.redlive.streamer.StreamerService;
import cn.redlive.core.JsonView;
import cn.redlive.core.Paging;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * Party development records. A step is checked against the record folded from the earlier steps, then stored with
 * the derived record, its obligations and an audit entry in one transaction; the streamer's row lock keeps two
 * managers from recording conflicting steps at once. Nothing here is logged: political status is sensitive.
 */
public final class PartyService {

  private final PartyRepository repository;
  private final StreamerService streamers;
  private final AccountService accounts;
  private final TrainingCredits credits;
  private final Clock clock;

  PartyService(PartyRepository repository, StreamerService streamers, AccountService accounts, TrainingCredits credits,
               Clock clock) {
    this.repository = repository;
    this.streamers = streamers;
    this.accounts = accounts;
    this.credits = credits;
    this.clock = clock;
  }

  /** Records one dated step (back-dating allowed) and answers the record as it now stands. */
  public Future<JsonObject> recordStep(long streamerId, NewStep input, Long actorId) {
    StepKind kind = StepKind.fromCode(input.kind())
        .orElseThrow(() -> ProblemException.invalidField("kind", "unknown step " + input.kind()));
    PartyStep step = PartyStep.draft(kind, input.on(), input.hours(), input.days(), input.months(), input.details());
    return streamers.get(streamerId).compose(streamer -> context(streamer)
        .compose(context -> repository.pool().withTransaction(tx -> repository.lock(tx, streamerId)
            .compose(v -> repository.steps(tx, streamerId))
            .compose(steps -> {
              PartyRecord before = PartyRecord.fold(steps);
              PartyRules.check(before, step, context);
              PartyRecord after = before.after(step);
              return repository.insertStep(tx, streamerId, step, actorId)
                  .compose(v -> repository.saveDerived(tx, streamerId, after, owed(after, streamer.hasLeft())))
                  .compose(v -> repository.audit(tx, streamerId, actorId, "step:" + kind.code(),
                      steps.isEmpty() ? null : before.toJson(), after.toJson()));
            }))))
        .compose(v -> record(streamerId));
  }

  /** A step as a manager records it; {@code hours}/{@code days} for training, {@code months} for an extension. */
  public record NewStep(String kind, LocalDate on, Double hours, Integer days, Integer months, JsonObject details) {
  }

  private Future<PartyRules.Context> context(Streamer streamer) {
    return credits.courseHoursBy(streamer.id())
        .map(courseHours -> new PartyRules.Context(streamer.birthDate(), BaseDays.today(clock), courseHours));
  }

  /** Nothing is owed by someone who has left the base; coming back brings their obligations back. */
  public Future<Void> streamerStatusChanged(long streamerId, String status) {
    return repository.pool().withTransaction(tx -> repository.lock(tx, streamerId)
        .compose(v -> repository.steps(tx, streamerId))
        .compose(steps -> {
          if (steps.isEmpty()) return Future.succeededFuture();
          PartyRecord record = PartyRecord.fold(steps);
          return repository.saveDerived(tx, streamerId, record, owed(record, Streamer.LEFT.equals(status)));
        }));
  }

  static final int REDERIVE_BATCH = 100;

  /**
   * Derives again, batch by batch, every record an older version of the rules wrote (see V78); answers how many.
   * Runs at start-up beside requests: each batch is one short transaction.
   */
  public Future<Integer> rederiveStale() {
    return repository.pool().withTransaction(tx -> repository.lockStale(tx, REDERIVE_BATCH).compose(stale -> {
      Future<Void> chain = Future.succeededFuture();
      for (Row row : stale) {
        long streamerId = row.getLong("id");
        boolean hasLeft = Streamer.LEFT.equals(row.getString("status"));
        chain = chain.compose(v -> repository.steps(tx, streamerId).compose(steps -> {
          PartyRecord record = PartyRecord.fold(steps);
          return repository.saveDerived(tx, streamerId, record, owed(record, hasLeft));
        }));
      }
      return chain.map(stale.size());
    })).compose(done -> done < REDERIVE_BATCH ? Future.succeededFuture(done) : rederiveStale().map(more -> done + more));
  }

  private static List<Obligation> owed(PartyRecord record, boolean hasLeft) {
    return hasLeft ? List.of() : Obligation.of(record);
  }

  /**
   * The record with its steps, what it owes (with its status today), the training that counts toward the
   * requirement, the checklist for the next stage, and the steps and details the record lacks.
   */
  public Future<JsonObject> record(long streamerId) {
    return streamers.get(streamerId).compose(this::context)
        .compose(context -> namedSteps(streamerId).map(steps -> {
          PartyRecord record = PartyRecord.fold(steps);
          double courses = context.courseHoursBy().applyAsDouble(context.today());
          JsonArray owed = new JsonArray();
          Obligation.of(record).forEach(o -> owed.add(new JsonObject().put("kind", o.kind()).put("dueOn", o.dueOn().toString())
              .put("status", Obligation.statusOn(o.dueOn(), context.today()))));
          return record.toJson()
              .put("streamerId", streamerId)
              .put("asOf", context.today().toString())
              .put("courseHours", courses)
              .put("trainingHours", record.trainingStepHours() + courses)
              .put("requiredTrainingHours", PartyRules.REQUIRED_TRAINING_HOURS)
              .put("requiredTrainingDays", PartyRules.REQUIRED_TRAINING_DAYS)
              .put("obligations", owed)
              .put("checklist", Checklist.nextStage(record, context))
              .put("gaps", Checklist.gaps(record))
              .put("incomplete", Checklist.incomplete(steps))
              .put("steps", JsonView.itemsOf(steps).getJsonArray("items"));
        }));
  }

  /** The printable development record; each read is audited like a change, since it discloses political status. */
  public Future<String> printable(long streamerId, Long actorId) {
    return streamers.get(streamerId).compose(streamer -> namedSteps(streamerId)
        .compose(steps -> {
          PartyRecord record = PartyRecord.fold(steps);
          return repository.audit(repository.pool(), streamerId, actorId, "read:print", null, record.toJson())
              .map(v -> PartyPrint.page(streamer, steps, record, BaseDays.today(clock)));
        }));
  }

  public Future<Rows.Page<PartyViews.AuditEntry>> audit(long streamerId, Paging paging) {
    return streamers.get(streamerId).compose(s -> repository.auditLog(streamerId, paging))
        .compose(page -> accounts.withDisplayNames(page.items(), PartyViews.AuditEntry::actorId,
            PartyViews.AuditEntry::withActorName).map(items -> new Rows.Page<>(items, page.total())));
  }

  /** The steps as the record shows them, each with the name of who recorded it. */
  private Future<List<PartyStep>> namedSteps(long streamerId) {
    return repository.steps(repository.pool(), streamerId)
        .compose(steps -> accounts.withDisplayNames(steps, PartyStep::recordedBy, PartyStep::withRecordedByName));
  }

  /** The register; {@code due} keeps only streamers with something due or overdue on {@code asOf}. */
  public Future<Rows.Page<PartyViews.RegisterEntry>> register(Long teamId, String status, String stage, boolean due,
                                                            LocalDate asOf, Paging paging) {
    LocalDate dueBy = due ? Obligation.horizon(asOf == null ? today() : asOf) : null;
    return repository.register(new PartyRepository.RegisterFilter(teamId, status, stage, dueBy), paging);
  }

  /** Today at the base (Asia/Shanghai), the default day for views that take an asOf date. */
  public LocalDate today() {
    return BaseDays.today(clock);
  }

  public Future<Rows.Page<PartyViews.DueItem>> due(LocalDate asOf, Long teamId, String kind, String status, Paging paging) {
    return repository.due(new PartyRepository.DueFilter(asOf, teamId, kind, status), paging);
  }

  /** Streamers per stage for each team and base-wide; "applied" counts everyone who has ever submitted an application. */
  public Future<JsonObject> counts() {
    return repository.counts().map(rows -> {
      JsonObject baseWide = emptyCounts();
      JsonArray teams = new JsonArray();
      JsonObject current = null;
      Long currentTeam = -1L;
      for (var row : rows) {
        Long teamId = row.getLong("team_id");
        if (current == null || !java.util.Objects.equals(teamId, currentTeam)) {
          current = new JsonObject().put("teamId", teamId).put("teamName", row.getString("team_name")).put("counts", emptyCounts());
          teams.add(current);
          currentTeam = teamId;
        }
        add(current.getJsonObject("counts"), row.getString("stage"), row.getLong("n"));
        add(baseWide, row.getString("stage"), row.getLong("n"));
      }
      return new JsonObject().put("baseWide", baseWide).put("teams", teams);
    });
  }

  /** Every numbered step in order with its counts (see {@link PartyRepository#stepCounts}), zeros included. */
  public Future<JsonObject> stepCounts(Long teamId) {
    return repository.stepCounts(teamId).map(rows -> {
      Map<String, Row> byKind = new HashMap<>();
      rows.forEach(row -> byKind.put(row.getString("kind"), row));
      JsonArray steps = new JsonArray();
      for (StepKind kind : StepKind.numbered()) {
        var row = byKind.get(kind.code());
        steps.add(new JsonObject().put("number", kind.number()).put("kind", kind.code()).put("phase", kind.phase())
            .put("atStep", row == null ? 0L : row.getLong("at_step"))
            .put("reached", row == null ? 0L : row.getLong("reached"))
            .put("lastOn", row == null ? null : row.getLocalDate("last_on").toString()));
      }
      return new JsonObject().put("teamId", teamId).put("steps", steps);
    });
  }

  private static JsonObject emptyCounts() {
    JsonObject counts = new JsonObject();
    for (Stage stage : Stage.values()) counts.put(stage.code(), 0L);
    return counts.put("applied", 0L);
  }

  private static void add(JsonObject counts, String stage, long n) {
    counts.put(stage, counts.getLong(stage) + n);
    if (!Stage.NONE.code().equals(stage)) counts.put("applied", counts.getLong("applied") + n);
  }

}
