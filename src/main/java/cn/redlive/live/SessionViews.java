package cn.redlive.live;

import cn.redlive.sales.LiveOrders;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/** What readers see of one session: live counters while it runs, settled figures and products afterwards. */
final class SessionViews {

  private final SessionService sessions;
  private final SessionRepository repository;
  private final LiveOrders ledger;
  private final LiveCounters counters;
  private final Clock clock;

  SessionViews(SessionService sessions, SessionRepository repository, LiveOrders ledger, LiveCounters counters,
               Clock clock) {
    this.sessions = sessions;
    this.repository = repository;
    this.ledger = ledger;
    this.counters = counters;
    this.clock = clock;
  }

  /** The session with its figures; an unknown id fails as 404 (see {@link SessionService#get}). */
  Future<JsonObject> withFigures(long id) {
    return sessions.get(id).compose(session -> {
      JsonObject json = session.toJson();
      if (session.isLive()) {
        var live = counters.snapshot(id, clock.millis());
        var feed = counters.feed(id, LiveFeed.SHOWN);
        return Future.all(live, feed)
            .map(done -> json.put("live", live.result().put("feed", LiveFeed.toJson(feed.result()))));
      }
      var results = repository.results(id);
      var products = ledger.productsOf(id);
      return Future.all(results, products).map(done -> results.result()
          .map(r -> json.put("results", r.toJson().put("products", toJson(products.result())))).orElse(json));
    });
  }

  /**
   * The session's rolling feed, newest first, everything Redis keeps ({@value LiveFeed#KEPT} at most); empty once the
   * session's keys expired after settlement. An unknown id fails as 404.
   */
  Future<JsonObject> feed(long id) {
    return sessions.get(id).compose(session -> counters.feed(id, LiveFeed.KEPT))
        .map(stored -> new JsonObject().put("sessionId", id).put("kept", LiveFeed.KEPT).put("items", LiveFeed.toJson(stored)));
  }

  private static JsonArray toJson(java.util.List<LiveOrders.ProductSales> products) {
    JsonArray list = new JsonArray();
    products.forEach(p -> list.add(p.toJson()));
    return list;
  }

  /** Whether the session exists and belongs to the streamer account. */
  Future<Boolean> isOwnedBy(long sessionId, long accountId) {
    return repository.find(sessionId).map(found -> found.map(s -> s.streamerAccountId() == accountId).orElse(false));
  }
}
