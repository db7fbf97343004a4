package cn.redlive.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What the people features tell a sales report about a streamer; wired in FeatureLinks through their services. */
public interface PeoplePanel {

  /** {streamer, screening (latest or null), party (record), study (summary)}; fails 404 for an unknown streamer. */
  Future<JsonObject> reviewOf(long streamerId);

  /** The talent-pool id of a streamer account, or null when the account has no profile. */
  Future<Long> streamerIdOf(long accountId);

  /** The brand a partner account speaks for, or null. */
  Future<Long> brandOf(long accountId);
}
