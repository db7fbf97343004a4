package cn.redlive.streamer;

import cn.redlive.core.Role;
import cn.redlive.web.ObjectAccess;
import cn.redlive.web.QueryParams;
import io.vertx.core.Future;

/** Who may open a route about one streamer (path parameter streamerId); used by every people feature's routes. */
public final class StreamerAccess {

  private StreamerAccess() {
  }

  /**
   * Managers may touch any streamer's records; a streamer only their own.
   * Everyone else gets 404 so that nobody can probe whose records exist.
   */
  public static ObjectAccess selfOrManager(StreamerService streamers) {
    return ObjectAccess.managerOr((principal, rc) -> principal.is(Role.STREAMER)
        ? streamers.isOwnedBy(QueryParams.pathId(rc, "streamerId"), principal.accountId())
        : Future.succeededFuture(false));
  }
}
