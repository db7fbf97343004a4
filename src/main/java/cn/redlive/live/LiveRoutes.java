package cn.redlive.live;

import cn.redlive.platform.BaseDays;
import java.time.Clock;
import cn.redlive.web.QueryParams;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.DateTimes;
import cn.redlive.web.ApiRouter;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ObjectAccess;
import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.web.Respond;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** HTTP face of live sessions; operation ids match openapi/redlive.yaml. */
final class LiveRoutes {

  private final SessionService sessions;
  private final IngestService ingest;
  private final SessionViews views;
  private final LivePush push;
  private final Leaderboard leaderboard;

  private final Clock clock;

  LiveRoutes(SessionService sessions, IngestService ingest, SessionViews views, LivePush push, Leaderboard leaderboard,
             Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.ingest = ingest;
    this.views = views;
    this.push = push;
    this.leaderboard = leaderboard;
  }

  void register(ApiRoutes api) {
    ObjectAccess ownSession = ObjectAccess.managerOr(this::isOwnSession);
    api.handle("scheduleLiveSession", this::schedule);
    api.handle("listLiveSessions", this::list);
    api.handle("getLiveSession", rc -> Respond.ok(rc, views.withFigures(QueryParams.pathId(rc, "sessionId")))).onlyIf(ownSession);
    api.handle("getLiveSessionFeed", rc -> Respond.ok(rc, views.feed(QueryParams.pathId(rc, "sessionId")))).onlyIf(ownSession);
    api.handle("startLiveSession", rc -> Respond.ok(rc, sessions.start(QueryParams.pathId(rc, "sessionId")))).onlyIf(ownSession);
    api.handle("endLiveSession", rc -> Respond.ok(rc, sessions.end(QueryParams.pathId(rc, "sessionId")))).onlyIf(ownSession);
    api.handle("streamLiveSession", rc -> sessions.get(QueryParams.pathId(rc, "sessionId"))
        .onSuccess(session -> push.stream(rc, session.id(), CurrentPrincipal.of(rc)))
        .onFailure(rc::fail)).onlyIf(ownSession);
    api.handle("ingestLiveEvents", this::ingest);
    api.handle("getLiveLeaderboard", this::leaderboard);
  }

  private Future<Boolean> isOwnSession(Principal principal, RoutingContext rc) {
    if (!principal.is(Role.STREAMER)) return Future.succeededFuture(false);
    return views.isOwnedBy(QueryParams.pathId(rc, "sessionId"), principal.accountId());
  }

  private void schedule(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    JsonArray products = body.getJsonArray("productIds", new JsonArray());
    var request = new SessionService.Schedule(body.getLong("streamerAccountId"), body.getString("title"),
        time(body, "plannedStart"), time(body, "plannedEnd"),
        products.stream().map(p -> ((Number) p).longValue()).toList());
    Respond.json(rc, 201, sessions.schedule(CurrentPrincipal.of(rc), request));
  }

  private void list(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    Respond.ok(rc, sessions.list(CurrentPrincipal.of(rc), QueryParams.text(rc, "status"),
            QueryParams.optionalLong(rc, "streamerAccountId"), paging)
        .map(page -> paging.envelope(page.items(), page.total())));
  }

  private void ingest(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    Respond.ok(rc, ingest.ingest(body.getString("producerId"), body.getLong("sequence"), body.getJsonArray("events")));
  }

  private void leaderboard(RoutingContext rc) {
    String by = QueryParams.text(rc, "by");
    LocalDate day = QueryParams.optionalDate(rc, "day");
    LocalDate date = day == null ? BaseDays.today(clock) : day;
    Respond.ok(rc, leaderboard.ranking(date, "team".equals(by)));
  }


  private static OffsetDateTime time(JsonObject body, String field) {
    return DateTimes.required(body, field);
  }
}
