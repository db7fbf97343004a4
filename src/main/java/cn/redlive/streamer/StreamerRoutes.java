package cn.redlive.streamer;

import cn.redlive.web.ApiRouter;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.core.JsonView;
import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.web.QueryParams;
import cn.redlive.web.Respond;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;

import static cn.redlive.web.QueryParams.pathId;

/** HTTP face of the talent pool and screening; operation ids match openapi/redlive.yaml. */
public final class StreamerRoutes {

  private final StreamerService streamers;

  public StreamerRoutes(StreamerService streamers) {
    this.streamers = streamers;
  }

  public void register(ApiRoutes api) {
    api.handle("listStreamers", this::list);
    api.handle("createStreamer", rc -> Respond.json(rc, 201, streamers.create(NewStreamer.from(ApiRouter.jsonBody(rc)))));
    api.handle("getMyStreamerProfile", rc -> Respond.ok(rc, streamers.ofAccount(CurrentPrincipal.of(rc).accountId())));
    api.handle("getStreamer", rc -> Respond.ok(rc, streamers.get(pathId(rc, "streamerId"))))
        .onlyIf(StreamerAccess.selfOrManager(streamers));
    api.handle("updateStreamer", this::update);
    api.handle("recordScreening", this::screen);
    api.handle("listScreenings", this::screenings).onlyIf(StreamerAccess.selfOrManager(streamers));
  }

  private void list(RoutingContext rc) {
    var filter = new StreamerRepository.Filter(QueryParams.optionalLong(rc, "team"), QueryParams.text(rc, "status"),
        QueryParams.text(rc, "q"));
    Paging paging = QueryParams.paging(rc);
    Respond.ok(rc, streamers.list(filter, paging).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void update(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    var changes = new StreamerRepository.Changes(body.getString("stageName"), body.getString("contact"),
        body.getString("previousOccupation"), body.getString("status"));
    Respond.ok(rc, streamers.update(pathId(rc, "streamerId"), changes));
  }

  private void screen(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    String on = body.getString("assessedOn");
    var assessment = new StreamerService.Assessment(body.getInteger("conductScore"), body.getInteger("businessScore"),
        body.getString("notes", ""), body.getString("decision"), on == null ? null : LocalDate.parse(on));
    Respond.json(rc, 201, streamers.screen(pathId(rc, "streamerId"), assessment, CurrentPrincipal.of(rc).accountId()));
  }

  private void screenings(RoutingContext rc) {
    Respond.ok(rc, streamers.screenings(pathId(rc, "streamerId")).map(JsonView::itemsOf));
  }
}
