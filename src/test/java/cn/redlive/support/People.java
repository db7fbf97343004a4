package cn.redlive.support;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;

/** Test fixtures for the people features: teams, streamers (with or without a login) and Party steps, over HTTP. */
public final class People {

  private final Api api;
  private final String manager;

  public People(Api api) {
    this.api = api;
    this.manager = api.managerToken();
  }

  public String managerToken() {
    return manager;
  }

  /** A streamer with a login: the account, its token, and the streamer id. */
  public record LoggedIn(long streamerId, Api.NewUser user) {
    public String token() {
      return user.token();
    }
  }

  public long team() {
    Reply reply = api.post("/api/v1/teams").as(manager).json(new JsonObject().put("name", TestApp.uniqueName("队"))).send();
    if (reply.status() != 201) throw new AssertionError(reply.toString());
    return reply.json().getLong("id");
  }

  public long streamer(LocalDate birthDate) {
    return createStreamer(null, birthDate);
  }

  public long streamer() {
    return streamer(LocalDate.of(1995, 5, 20));
  }

  public LoggedIn streamerWithLogin() {
    Api.NewUser user = api.newUser("streamer");
    return new LoggedIn(createStreamer(user.id(), LocalDate.of(1996, 3, 8)), user);
  }

  private long createStreamer(Long accountId, LocalDate birthDate) {
    JsonObject body = new JsonObject().put("realName", "测试主播").put("stageName", TestApp.uniqueName("艺名"))
        .put("birthDate", birthDate.toString()).put("joinedOn", "2023-01-01");
    if (accountId != null) body.put("accountId", accountId);
    Reply reply = api.post("/api/v1/streamers").as(manager).json(body).send();
    if (reply.status() != 201) throw new AssertionError(reply.toString());
    return reply.json().getLong("id");
  }

  public void join(long streamerId, long teamId) {
    Reply reply = api.put("/api/v1/teams/" + teamId + "/members/" + streamerId).as(manager).send();
    if (reply.status() != 200) throw new AssertionError(reply.toString());
  }

  /** Records a step and returns the raw reply (tests assert on refusals). */
  public Reply step(long streamerId, String kind, String on) {
    return step(streamerId, new JsonObject().put("kind", kind).put("on", on));
  }

  public Reply step(long streamerId, JsonObject body) {
    return api.post("/api/v1/streamers/" + streamerId + "/party/steps").as(manager).json(body).send();
  }

  /** Records a step that must succeed. */
  public JsonObject ok(long streamerId, String kind, String on) {
    return ok(streamerId, new JsonObject().put("kind", kind).put("on", on));
  }

  public JsonObject ok(long streamerId, JsonObject body) {
    Reply reply = step(streamerId, body);
    if (reply.status() != 201) throw new AssertionError(reply.toString());
    return reply.json();
  }

  public static JsonObject training(String on, double hours) {
    return new JsonObject().put("kind", "training").put("on", on).put("hours", hours);
  }

  public static JsonObject meeting(String on, int entitled, int present, int yes) {
    return new JsonObject().put("kind", "branch_meeting").put("on", on)
        .put("details", new JsonObject().put("entitledVoters", entitled).put("present", present).put("yesVotes", yes));
  }

  public static JsonObject named(String kind, String on, String field, String... names) {
    var list = new io.vertx.core.json.JsonArray();
    for (String name : names) list.add(name);
    return new JsonObject().put("kind", kind).put("on", on).put("details", new JsonObject().put(field, list));
  }

  public static JsonObject review(String on, String conclusion) {
    return new JsonObject().put("kind", "political_review").put("on", on)
        .put("details", new JsonObject().put("conclusion", conclusion));
  }

  /** application 2020-01-10, talk 2020-01-20, activist 2020-03-01. */
  public void toActivist(long streamerId) {
    ok(streamerId, "application", "2020-01-10");
    ok(streamerId, "talk", "2020-01-20");
    ok(streamerId, "activist", "2020-03-01");
  }

  /** ... then development target 2021-03-05. */
  public void toDevelopmentTarget(long streamerId) {
    toActivist(streamerId);
    ok(streamerId, "development_target", "2021-03-05");
  }

  /** Sponsors, political review, 24 h training, committee review, pre-review and application form, by 2021-05-01. */
  public void readyForBranchMeeting(long streamerId) {
    ok(streamerId, named("sponsors", "2021-03-10", "sponsors", "马建国", "周海峰"));
    ok(streamerId, review("2021-03-20", "合格"));
    ok(streamerId, training("2021-04-01", 24));
    ok(streamerId, "committee_review", "2021-04-10");
    ok(streamerId, "pre_review", "2021-04-20");
    ok(streamerId, "application_form", "2021-05-01");
  }

  /** ... then a branch meeting on {@code meetingOn} (after 2021-05-01). */
  public void toProbationary(long streamerId, String meetingOn) {
    toDevelopmentTarget(streamerId);
    readyForBranchMeeting(streamerId);
    ok(streamerId, meeting(meetingOn, 20, 15, 12));
  }

  /** ... then the higher committee's talk and approval on {@code approvedOn}. */
  public void toApproved(long streamerId, String meetingOn, String approvedOn) {
    toProbationary(streamerId, meetingOn);
    ok(streamerId, "committee_talk", approvedOn);
    ok(streamerId, "approval", approvedOn);
  }
}
