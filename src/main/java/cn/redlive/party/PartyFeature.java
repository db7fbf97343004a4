package cn.redlive.party;

import cn.redlive.account.AccountService;
import cn.redlive.streamer.StreamerService;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import cn.redlive.web.ObjectAccess;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Party development records: the 25 dated steps, what falls due, and the audit of every change. */
public final class PartyFeature implements Feature {

  private static final Logger log = LoggerFactory.getLogger(PartyFeature.class);

  private final PartyService party;
  private final ObjectAccess streamerSelfOrManager;

  public PartyFeature(Pool pool, StreamerService streamers, AccountService accounts, TrainingCredits credits,
                      ObjectAccess streamerSelfOrManager, Clock clock) {
    this.party = new PartyService(new PartyRepository(pool), streamers, accounts, credits, clock);
    this.streamerSelfOrManager = streamerSelfOrManager;
    // obligations stop for a streamer who left the base
    streamers.onStatusChange(party::streamerStatusChanged);
  }

  /** Derives again the records older rules wrote, in the background; a failure waits for the next start. */
  public void start() {
    party.rederiveStale()
        .onSuccess(n -> { if (n > 0) log.info("derived {} Party records again under the current rules", n); })
        .onFailure(e -> log.warn("deriving Party records again failed; the next start retries", e));
  }

  public PartyService party() {
    return party;
  }

  @Override
  public void register(ApiRoutes api) {
    new PartyRoutes(party, streamerSelfOrManager).register(api);
  }
}
