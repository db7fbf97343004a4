package cn.redlive.streamer;

import cn.redlive.account.AccountService;
import cn.redlive.team.TeamMembership;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import cn.redlive.web.ObjectAccess;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** The talent pool: profiles, statuses and red-room screenings. */
public final class StreamerFeature implements Feature {

  private final StreamerService streamers;
  private final ObjectAccess selfOrManager;

  public StreamerFeature(Pool pool, AccountService accounts, TeamMembership memberships, Clock clock) {
    this.streamers = new StreamerService(new StreamerRepository(pool), accounts, memberships, clock);
    this.selfOrManager = StreamerAccess.selfOrManager(streamers);
  }

  public StreamerService streamers() {
    return streamers;
  }

  /** Who may open a route about one streamer; the other people features guard their routes with it. */
  public ObjectAccess selfOrManager() {
    return selfOrManager;
  }

  @Override
  public void register(ApiRoutes api) {
    new StreamerRoutes(streamers).register(api);
  }
}
