package cn.redlive.team;

import cn.redlive.core.ProblemException;
import io.vertx.core.Future;

import java.time.Clock;
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
  private final Clock clock;
  private final BookedSales bookedSales;

  TeamMembership(TeamRepository repository, Clock clock, BookedSales bookedSales) {
    this.repository = repository;
    this.clock = clock;
    this.bookedSales = bookedSales;
  }

  /** The team the streamer belonged to at {@code at}, empty when in none. */
  public Future<Optional<Long>> teamAt(long streamerId, Instant at) {
    return repository.teamAt(streamerId, utc(at));
  }

  public Future<List<Membership>> history(long streamerId) {
    return repository.history(streamerId);
  }

  /**
   * Moves the streamer into {@code teamId} from {@code from} (now when null). Back-dating is allowed, but never before
   * earlier history nor before a sale already booked (the ledger keeps each sale's team; see the README). A move dated
   * later than now is recorded at once and takes effect on its moment ({@link #applyDueMoves}).
   */
  public Future<Void> move(long streamerId, long teamId, Instant from) {
    Instant now = clock.instant();
    Instant at = from == null ? now : from;
    return repository.find(teamId)
        .compose(team -> team.isPresent() ? Future.succeededFuture()
            : Future.failedFuture(ProblemException.notFound("There is no team " + teamId + ".")))
        // the latest sale is read once the streamer is locked: a sale being booked holds the streamer's key-share
        // lock until it commits (V81), so the check sees it, and a sale booked after waits for this move
        .compose(v -> repository.pool().withTransaction(tx -> repository.lockForMove(tx, streamerId)
            .compose(found -> at.isBefore(now) && found.isPresent() ? bookedSales.latestSaleOf(tx, streamerId)
                .map(latest -> new Locked(found, latest)) : Future.succeededFuture(new Locked(found, Optional.empty())))
            .compose(locked -> {
              var found = locked.state();
              var latestSale = locked.latestSale();
              var state = found.orElseThrow(() -> noSuchStreamer(streamerId));
              if ("left".equals(state.status())) {
                throw ProblemException.ruleViolated("streamer-has-left", "A streamer who has left the base joins no team.");
              }
              if (Long.valueOf(teamId).equals(state.currentTeamId()) && !at.isAfter(now)) {
                throw ProblemException.ruleViolated("already-in-team", "The streamer is already in this team.");
              }
              requireAfterHistory(state, utc(at));
              if (latestSale.isPresent() && !at.isAfter(latestSale.get())) {
                throw ProblemException.ruleViolated("sales-booked-after-move", "The streamer has sales booked up to "
                    + latestSale.get() + " for the current team; a move can be dated after that, not before.");
              }
              return repository.switchTeam(tx, streamerId, teamId, utc(at), at.isAfter(now));
            })));
  }

  private record Locked(Optional<TeamRepository.MoveState> state, Optional<Instant> latestSale) {
  }

  /**
   * Makes moves whose moment has come the streamers' current team (and drops a captaincy left behind). Moves dated
   * within the last {@code lookBack} are considered; the answer is how many streamers changed team.
   */
  public Future<Integer> applyDueMoves(java.time.Duration lookBack) {
    Instant now = clock.instant();
    return repository.applyDueMoves(utc(now.minus(lookBack)), utc(now));
  }

  /** Ends the current membership (and any captaincy) at {@code at}; nothing to do when in no team. */
  public Future<Void> leaveTeam(long streamerId, Instant at) {
    return repository.pool().withTransaction(tx -> repository.lockForMove(tx, streamerId).compose(found -> {
      var state = found.orElseThrow(() -> noSuchStreamer(streamerId));
      if (state.currentTeamId() == null) return Future.succeededFuture();
      requireAfterHistory(state, utc(at));
      return repository.switchTeam(tx, streamerId, null, utc(at), at.isAfter(clock.instant()));
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
