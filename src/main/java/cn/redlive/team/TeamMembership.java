package cn.redlive.team;

import cn.redlive.web.ProblemException;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Which team a streamer sells in, over time. Moves close one membership and open the next at the same instant,
 * so {@link #teamAt} answers exactly one team (or none) for any moment: later features attribute sales with it.
 */
public final class TeamMembership {

  private final TeamRepository repository;

  TeamMembership(TeamRepository repository) {
    this.repository = repository;
  }

  /** The team the streamer belonged to at {@code at}, empty when in none. */
  public Future<Optional<Long>> teamAt(long streamerId, Instant at) {
    return repository.teamAt(streamerId, utc(at));
  }

  public Future<List<Membership>> history(long streamerId) {
    return repository.history(streamerId);
  }

  /** Moves the streamer into {@code teamId} from {@code from}; back-dating is allowed but never before earlier history. */
  public Future<Void> move(long streamerId, long teamId, Instant from) {
    return repository.find(teamId)
        .compose(team -> team.isPresent() ? Future.succeededFuture()
            : Future.failedFuture(ProblemException.notFound("There is no team " + teamId + ".")))
        .compose(v -> repository.pool().withTransaction(tx -> repository.lockForMove(tx, streamerId)
            .compose(found -> {
              var state = found.orElseThrow(() -> noSuchStreamer(streamerId));
              if ("left".equals(state.status())) {
                throw ProblemException.ruleViolated("streamer-has-left", "A streamer who has left the base joins no team.");
              }
              if (Long.valueOf(teamId).equals(state.currentTeamId())) {
                throw ProblemException.ruleViolated("already-in-team", "The streamer is already in this team.");
              }
              requireAfterHistory(state, utc(from));
              return repository.switchTeam(tx, streamerId, teamId, utc(from));
            })));
  }

  /** Ends the current membership (and any captaincy) at {@code at}; nothing to do when in no team. */
  public Future<Void> leaveTeam(long streamerId, Instant at) {
    return repository.pool().withTransaction(tx -> repository.lockForMove(tx, streamerId).compose(found -> {
      var state = found.orElseThrow(() -> noSuchStreamer(streamerId));
      if (state.currentTeamId() == null) return Future.succeededFuture();
      requireAfterHistory(state, utc(at));
      return repository.switchTeam(tx, streamerId, null, utc(at));
    }));
  }

  private static void requireAfterHistory(TeamRepository.MoveState state, OffsetDateTime from) {
    boolean beforeLastStart = state.latestFrom() != null && !from.isAfter(state.latestFrom());
    boolean beforeLastEnd = state.latestUntil() != null && from.isBefore(state.latestUntil());
    if (beforeLastStart || beforeLastEnd) {
      throw ProblemException.ruleViolated("membership-before-previous",
          "A team change must come after the streamer's earlier team history (last change "
              + (state.latestUntil() != null && state.latestUntil().isAfter(state.latestFrom()) ? state.latestUntil() : state.latestFrom())
              + ").");
    }
  }

  private static ProblemException noSuchStreamer(long id) {
    return ProblemException.notFound("There is no streamer " + id + ".");
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
