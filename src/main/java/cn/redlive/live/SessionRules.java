package cn.redlive.live;

import io.vertx.core.Future;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What live sessions need to know from other features, asked through their public services: which of the
 * proposed products the streamer may sell (approved and on the streamer's selection list), and the streamer's
 * team at a moment (sales are attributed to the team at the time of the session), and streamers' names.
 */
public interface SessionRules {

  /** Whether the account is an active streamer (sessions are planned only for one). */
  Future<Boolean> isActiveStreamer(long accountId);

  /** The product ids among {@code productIds} that this streamer may not sell, with the reason for each. */
  Future<List<String>> refusedProducts(long streamerAccountId, List<Long> productIds);

  /** The display names of these streamer accounts, by account id. */
  Future<Map<Long, String>> streamerNames(Collection<Long> accountIds);

  /** The streamer's team at that moment, or null when the streamer is in no team. */
  Future<Long> teamAt(long streamerAccountId, Instant at);
}
