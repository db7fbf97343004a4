package cn.redlive.study;

import cn.redlive.web.DateTimes;
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

import java.time.OffsetDateTime;

import static cn.redlive.web.QueryParams.optionalDate;
import static cn.redlive.web.QueryParams.pathId;
import static cn.redlive.web.QueryParams.text;

/** HTTP face of the study corner; operation ids match openapi/redlive.yaml. */
public final class StudyRoutes {

  private final StudyService study;
  private final ObjectAccess streamerSelfOrManager;

  public StudyRoutes(StudyService study, ObjectAccess streamerSelfOrManager) {
    this.study = study;
    this.streamerSelfOrManager = streamerSelfOrManager;
  }

  public void register(ApiRoutes api) {
    api.handle("listStudyItems", this::items);
    api.handle("publishStudyItem", this::publish);
    api.handle("recordStudyProgress", this::progress);
    api.handle("beatStudyItem", rc -> Respond.ok(rc, study.heartbeat(CurrentPrincipal.of(rc).accountId(), pathId(rc, "itemId"))));
    api.handle("getStreamerStudy", rc -> Respond.ok(rc, study.summary(pathId(rc, "streamerId"), optionalDate(rc, "asOf"))))
        .onlyIf(streamerSelfOrManager);
    api.handle("getTeamStudy", rc -> Respond.ok(rc, study.teamTable(pathId(rc, "teamId"), optionalDate(rc, "asOf"))));
  }

  private void items(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    Respond.ok(rc, study.items(text(rc, "kind"), paging).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void publish(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    var item = new StudyService.NewItem(body.getString("title"), body.getString("kind"), body.getInteger("minutes"),
        body.getDouble("classHours", 0.0), body.getInteger("points"), body.getString("contentUrl"), body.getString("body"),
        body.getJsonArray("quiz"));
    Respond.json(rc, 201, study.publish(item, CurrentPrincipal.of(rc).accountId()));
  }

  private void progress(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    var claim = new StudyService.Claim(body.getInteger("minutes"), body.getBoolean("completed", false),
        DateTimes.optionalInstant(body, "at"), body.getJsonArray("answers"));
    Respond.json(rc, 201, study.recordProgress(CurrentPrincipal.of(rc).accountId(), body.getLong("itemId"), claim));
  }
}
