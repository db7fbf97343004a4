package cn.redlive.team;

import cn.redlive.web.DateTimes;
import cn.redlive.web.ApiRouter;
import cn.redlive.web.QueryParams;
import cn.redlive.web.ApiRoutes;
import cn.redlive.core.JsonView;
import cn.redlive.web.ObjectAccess;
import cn.redlive.core.Paging;
import cn.redlive.web.Respond;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.OffsetDateTime;

import static cn.redlive.web.QueryParams.pathId;

/** HTTP face of teams and team history; operation ids match openapi/redlive.yaml. */
public final class TeamRoutes {

  private final TeamService teams;
  private final ObjectAccess streamerSelfOrManager;

  /** {@code streamerSelfOrManager} decides who may read a streamer's own history (the streamer feature knows). */
  public TeamRoutes(TeamService teams, ObjectAccess streamerSelfOrManager) {
    this.teams = teams;
    this.streamerSelfOrManager = streamerSelfOrManager;
  }

  public void register(ApiRoutes api) {
    api.handle("listTeams", this::list);
    api.handle("createTeam", rc -> Respond.json(rc, 201, teams.create(ApiRouter.jsonBody(rc).getString("name"))));
    api.handle("getTeam", rc -> Respond.ok(rc, teams.withMembers(pathId(rc, "teamId"))));
    api.handle("moveStreamerToTeam", this::move);
    api.handle("appointCaptain", rc -> Respond.ok(rc,
        teams.appointCaptain(pathId(rc, "teamId"), ApiRouter.jsonBody(rc).getLong("streamerId"))));
    api.handle("listStreamerTeams", this::history).onlyIf(streamerSelfOrManager);
  }

  private void list(RoutingContext rc) {
    Paging paging = QueryParams.paging(rc);
    Respond.ok(rc, teams.list(paging).map(page -> paging.envelope(page.items(), page.total())));
  }

  private void move(RoutingContext rc) {
    JsonObject body = ApiRouter.jsonBody(rc);
    Instant at = DateTimes.optionalInstant(body, "from");
    long streamerId = pathId(rc, "streamerId");
    Respond.ok(rc, teams.memberships().move(streamerId, pathId(rc, "teamId"), at)
        .compose(v -> teams.memberships().history(streamerId))
        .map(JsonView::itemsOf));
  }

  private void history(RoutingContext rc) {
    Respond.ok(rc, teams.memberships().history(pathId(rc, "streamerId")).map(JsonView::itemsOf));
  }
}
