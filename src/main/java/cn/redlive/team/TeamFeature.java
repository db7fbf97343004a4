package cn.redlive.team;

import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import cn.redlive.web.ObjectAccess;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Teams, captains and who belonged to which team when. */
public final class TeamFeature implements Feature {

  private final TeamService teams;
  private ObjectAccess streamerSelfOrManager;

  public TeamFeature(Pool pool, Clock clock, BookedSales bookedSales) {
    this.teams = new TeamService(new TeamRepository(pool), clock, bookedSales);
  }

  public TeamService teams() {
    return teams;
  }

  /**
   * The streamer feature's ownership rule for the routes about one streamer. It comes after construction because
   * the streamer feature itself needs this feature's memberships.
   */
  public void guardStreamerRoutesWith(ObjectAccess selfOrManager) {
    this.streamerSelfOrManager = selfOrManager;
  }

  @Override
  public void register(ApiRoutes api) {
    if (streamerSelfOrManager == null) throw new IllegalStateException("team routes need the streamer access rule");
    new TeamRoutes(teams, streamerSelfOrManager).register(api);
  }
}
