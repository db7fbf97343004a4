package cn.redlive.team;

import cn.redlive.platform.Rows;
import cn.redlive.core.Paging;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/** Teams, their captains and their members; {@link #memberships()} owns the history over time. */
public final class TeamService {

  private final TeamRepository repository;
  private final TeamMembership memberships;
  private final Clock clock;

  TeamService(TeamRepository repository, Clock clock, BookedSales bookedSales) {
    this.repository = repository;
    this.memberships = new TeamMembership(repository, clock, bookedSales);
    this.clock = clock;
  }

  /**
   * Future-dated moves take effect on their moment: checked on start (over the last year, for moves that fell due
   * while no server ran) and then every {@code every}; the check is idempotent, so each instance runs its own.
   */
  public void applyDueMovesEvery(io.vertx.core.Vertx vertx, java.time.Duration every) {
    memberships.applyDueMoves(java.time.Duration.ofDays(400));
    vertx.setPeriodic(every.toMillis(), id -> memberships.applyDueMoves(every.multipliedBy(4)));
  }

  public TeamMembership memberships() {
    return memberships;
  }

  public Future<Rows.Page<Team>> list(Paging paging) {
    return repository.list(paging);
  }

  public Future<Team> create(String name) {
    return repository.insert(name.trim()).compose(id -> id
        .map(this::get)
        .orElseGet(() -> Future.failedFuture(ProblemException.conflict("team-name-taken", "A team named " + name + " exists."))));
  }

  public Future<Team> get(long id) {
    return repository.find(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ProblemException.notFound("There is no team " + id + "."))));
  }

  /** The team with its current members. */
  public Future<JsonObject> withMembers(long id) {
    return get(id).compose(team -> repository.currentMembers(id, clock.instant().atOffset(java.time.ZoneOffset.UTC)).map(members -> {
      JsonArray list = new JsonArray();
      members.forEach(m -> list.add(m.toJson()));
      return team.toJson().put("currentMembers", list);
    }));
  }

  public Future<Team> appointCaptain(long teamId, long streamerId) {
    return get(teamId)
        .compose(team -> repository.setCaptain(teamId, streamerId))
        .compose(done -> done ? get(teamId) : Future.failedFuture(ProblemException.ruleViolated("captain-not-member",
            "The captain must be a current member of the team.")));
  }
}
