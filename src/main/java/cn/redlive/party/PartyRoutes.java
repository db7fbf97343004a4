package cn.redlive.party;

import cn.redlive.web.ApiRouter;
import cn.redlive.web.QueryParams;
import cn.redlive.web.CurrentPrincipal;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ObjectAccess;
import cn.redlive.core.Paging;
import cn.redlive.core.Principal;
import cn.redlive.web.Respond;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;

import static cn.redlive.web.QueryParams.optionalDate;
import static cn.redlive.web.QueryParams.optionalLong;
import static cn.redlive.web.QueryParams.pathId;
import static cn.redlive.web.QueryParams.text;

/**
 * HTTP face of Party development; operation ids match openapi/redlive.yaml. Political status is readable by
 * managers and the streamer themself only: the contract keeps brand partners and ingest clients out (403), and
 * {@code streamerSelfOrManager} answers 404 to any other streamer.
 */
public final class PartyRoutes {

  private final PartyService party;
  private final ObjectAccess streamerSelfOrManager;

  public PartyRoutes(PartyService party, ObjectAccess streamerSelfOrManager) {
    this.party = party;
    this.streamerSelfOrManager = streamerSelfOrManager;
  }

  public void register(ApiRoutes api) {
    api.handle("getPartyRecord", rc -> Respond.ok(rc, party.record(pathId(rc, "streamerId")))).onlyIf(streamerSelfOrManager);
    api.handle("recordPartyStep", this::recordStep);
    api.handle("listPartyAudit", this::audit).onlyIf(streamerSelfOrManager);
    api.handle("printPartyRecord", rc -> party.printable(pathId(rc, "streamerId"), CurrentPrincipal.of(rc).accountId())
        .onSuccess(html -> rc.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store").end(html))
        .onFailure(rc::fail));
    api.handle("listPartyRecords", this::register);
    api.handle("listPartyDue", this::due);
    api.handle("getPartyCounts", rc -> Respond.ok(rc, party.counts()));
    api.handle("getPartyStepCounts", rc -> Respond.ok(rc, party.stepCounts(optionalLong(rc, "team"))));
  }

  private void recordStep(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    var step = new PartyService.NewStep(body.getString("kind"), LocalDate.parse(body.getString("on")),
        body.getDouble("hours"), body.getInteger("days"), body.getInteger("months"), body.getJsonObject("details"));
    Respond.json(rc, 201, party.recordStep(pathId(rc, "streamerId"), step, CurrentPrincipal.of(rc).accountId()));
  }

  private void audit(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    Respond.ok(rc, party.audit(pathId(rc, "streamerId"), paging).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void register(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    boolean due = "true".equals(text(rc, "due"));
    Respond.ok(rc, party.register(optionalLong(rc, "team"), text(rc, "status"), text(rc, "stage"), due,
        optionalDate(rc, "asOf"), paging).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void due(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    LocalDate asOf = optionalDate(rc, "asOf") == null ? party.today() : optionalDate(rc, "asOf");
    Respond.ok(rc, party.due(asOf, optionalLong(rc, "team"), text(rc, "kind"), text(rc, "status"), paging)
        .map(page -> paging.envelope(page.items(), page.total()).put("asOf", asOf.toString())));
  }
}
