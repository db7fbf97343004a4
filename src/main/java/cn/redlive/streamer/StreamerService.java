package cn.redlive.streamer;

import cn.redlive.account.AccountService;
import cn.redlive.platform.BaseDays;
import cn.redlive.platform.Rows;
import cn.redlive.team.TeamMembership;
import cn.redlive.core.Paging;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The talent pool: profiles, their link to a streamer account, status, and red-room screening. */
public final class StreamerService {

  /** The scores and decision of a screening as the assessor records it. */
  public record Assessment(int conductScore, int businessScore, String notes, String decision, LocalDate assessedOn) {
  }

  /** Told after a manager changes a streamer's status, e.g. so that Party obligations stop for someone who left. */
  @FunctionalInterface
  public interface StatusListener {
    Future<Void> statusChanged(long streamerId, String status);
  }

  private final List<StatusListener> statusListeners = new CopyOnWriteArrayList<>();
  private final StreamerRepository repository;
  private final AccountService accounts;
  private final TeamMembership memberships;
  private final Clock clock;

  StreamerService(StreamerRepository repository, AccountService accounts, TeamMembership memberships, Clock clock) {
    this.repository = repository;
    this.accounts = accounts;
    this.memberships = memberships;
    this.clock = clock;
  }

  public void onStatusChange(StatusListener listener) {
    statusListeners.add(listener);
  }

  public Future<Boolean> isOwnedBy(long streamerId, long accountId) {
    return repository.owner(streamerId).map(owner -> owner.isPresent() && owner.get() == accountId);
  }

  public Future<Streamer> create(NewStreamer request) {
    Future<Void> accountOk = request.accountId() == null ? Future.succeededFuture()
        : accounts.get(request.accountId())
            .recover(missing -> Future.failedFuture(accountNotStreamer()))
            .compose(account -> account.role() == Role.STREAMER ? Future.succeededFuture()
                : Future.failedFuture(accountNotStreamer()));
    return accountOk
        .compose(v -> repository.insert(request))
        .compose(id -> id.map(this::get).orElseGet(() -> Future.failedFuture(ProblemException.conflict(
            "account-already-linked", "Account " + request.accountId() + " already belongs to another streamer."))));
  }

  public Future<Streamer> get(long id) {
    return repository.find(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(noSuchStreamer(id))));
  }

  /** The profile linked to the caller's account. */
  public Future<Streamer> ofAccount(long accountId) {
    return repository.findByAccount(accountId).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ProblemException.notFound("Your account has no streamer profile yet."))));
  }

  public Future<Rows.Page<Streamer>> list(StreamerRepository.Filter filter, Paging paging) {
    return repository.list(filter, paging);
  }

  /** Edits the profile; a streamer who leaves the base leaves their team at the same time. */
  public Future<Streamer> update(long id, StreamerRepository.Changes changes) {
    return get(id)
        .compose(s -> repository.update(id, changes))
        .compose(v -> Streamer.LEFT.equals(changes.status()) ? memberships.leaveTeam(id, Instant.now(clock))
            : Future.succeededFuture())
        .compose(v -> changes.status() == null ? Future.succeededFuture() : tellListeners(id, changes.status()))
        .compose(v -> get(id));
  }

  private Future<Void> tellListeners(long id, String status) {
    Future<Void> chain = Future.succeededFuture();
    for (StatusListener listener : statusListeners) chain = chain.compose(v -> listener.statusChanged(id, status));
    return chain;
  }

  /** Records a screening; admission puts the streamer into a red room, rejection takes them out of it. */
  public Future<Screening> screen(long streamerId, Assessment a, long assessorId) {
    LocalDate on = a.assessedOn() == null ? BaseDays.today(clock) : a.assessedOn();
    if (on.isAfter(BaseDays.today(clock))) {
      return Future.failedFuture(ProblemException.ruleViolated("date-in-future", "An assessment cannot be dated in the future."));
    }
    return get(streamerId).compose(streamer -> {
      if (streamer.hasLeft()) {
        return Future.failedFuture(ProblemException.ruleViolated("streamer-has-left", "The streamer has left the base."));
      }
      String status = switch (a.decision()) {
        case Screening.ADMIT -> Streamer.ACTIVE;
        case Screening.REJECT -> Streamer.IN_POOL;
        default -> streamer.status();
      };
      return repository.pool().withTransaction(tx -> repository
          .insertScreening(tx, streamerId, a.conductScore(), a.businessScore(), a.notes(), a.decision(), assessorId, on)
          .compose(id -> repository.setStatus(tx, streamerId, status).map(id)));
    }).compose(id -> screenings(streamerId, id)).map(list -> list.get(0));
  }

  public Future<List<Screening>> screenings(long streamerId) {
    return get(streamerId).compose(s -> screenings(streamerId, null));
  }

  private Future<List<Screening>> screenings(long streamerId, Long onlyId) {
    return repository.screenings(streamerId, onlyId)
        .compose(list -> accounts.withDisplayNames(list, Screening::assessorId, Screening::withAssessorName));
  }

  private static ProblemException accountNotStreamer() {
    return ProblemException.ruleViolated("account-not-streamer", "A streamer profile links only to an existing streamer account.");
  }

  private static ProblemException noSuchStreamer(long id) {
    return ProblemException.notFound("There is no streamer " + id + ".");
  }
}
