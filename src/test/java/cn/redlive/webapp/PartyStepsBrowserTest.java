package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A manager records the development target's steps on the record page")
class PartyStepsBrowserTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("the record shows all 25 steps and the checklist; the manager records sponsors, a political review and the branch meeting")
  void sponsorsReviewAndBranchMeeting() {
    long streamer = people.streamer();
    people.toDevelopmentTarget(streamer);
    people.ok(streamer, People.training("2021-04-01", 24));
    people.ok(streamer, "committee_review", "2021-04-10");
    people.ok(streamer, "pre_review", "2021-04-20");
    people.ok(streamer, "application_form", "2021-05-01");
    Api.NewUser manager = api.newUser("manager");

    try (WebApp web = WebApp.onLaptop(api.baseUrl()).logIn(manager.username(), manager.password())) {
      web.open("party?streamer=" + streamer, "party");
      Page page = web.page();
      Locator record = page.getByTestId("party-record");
      Locator steps = record.getByTestId("party-steps");
      assertThat(steps.locator("tr.phase")).hasCount(5);
      assertThat(steps).containsText("25. 材料归档");
      assertThat(steps.locator("tr[data-kind='sponsors']")).containsText("未记录");
      Locator checklist = record.getByTestId("party-checklist");
      assertThat(checklist.locator("li[data-kind='sponsors']")).containsText("✘");
      web.screenshot("manager-party-25-steps");

      Locator form = record.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("记录发展步骤"));
      recordBranchMeeting(form);
      assertThat(form.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("入党介绍人"))).isVisible();

      form.getByLabel("步骤").selectOption("sponsors");
      form.getByLabel("日期").fill("2021-05-10");
      form.getByLabel("姓名一").fill("马建国");
      form.getByLabel("姓名二").fill("周海峰");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录步骤")).click();
      assertThat(page.getByTestId("party-messages")).containsText("已记录「确定入党介绍人」");
      assertThat(record.getByTestId("party-steps").locator("tr[data-kind='sponsors']")).containsText("马建国、周海峰");

      form = record.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("记录发展步骤"));
      form.getByLabel("步骤").selectOption("political_review");
      form.getByLabel("日期").fill("2021-05-20");
      form.getByLabel("政审结论").fill("政治审查合格");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录步骤")).click();
      assertThat(page.getByTestId("party-messages")).containsText("已记录「进行政治审查」");

      form = record.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("记录发展步骤"));
      recordBranchMeeting(form);
      assertThat(page.getByTestId("party-messages")).containsText("当前阶段：预备党员");
      assertThat(record.getByTestId("party-steps").locator("tr[data-kind='branch_meeting']")).containsText("应到 20 人，实到 15 人，赞成 12 票");
      assertThat(record.getByTestId("party-obligations")).containsText("上级党委审批");
      web.screenshot("manager-party-branch-meeting");
    }
    JsonObject saved = api.get("/api/v1/streamers/" + streamer + "/party").as(people.managerToken()).send().json();
    assertEquals("probationary", saved.getString("stage"));
    List<String> kinds = saved.getJsonArray("steps").stream().map(JsonObject.class::cast).map(s -> s.getString("kind")).toList();
    assertEquals(List.of("sponsors", "political_review", "branch_meeting"), kinds.subList(kinds.size() - 3, kinds.size()));
    assertEquals("政治审查合格", saved.getJsonArray("steps").getJsonObject(kinds.size() - 2).getJsonObject("details").getString("conclusion"));
  }

  @Test
  @DisplayName("the board shows the 25 steps by stage for one team, and each card the streamer's furthest step and its date")
  void boardShowsTheSteps() {
    long team = people.team();
    long target = people.streamer();
    people.join(target, team);
    people.toDevelopmentTarget(target);
    long applicant = people.streamer();
    people.join(applicant, team);
    people.ok(applicant, "application", "2025-03-10");
    Api.NewUser manager = api.newUser("manager");

    try (WebApp web = WebApp.onLaptop(api.baseUrl()).logIn(manager.username(), manager.password())) {
      web.open("party", "party");
      Page page = web.page();
      page.getByLabel("按团队筛选").selectOption(String.valueOf(team));
      Locator steps = page.getByTestId("party-step-counts");
      assertThat(steps.locator("tr[data-step]")).hasCount(25);
      assertThat(steps.locator("tr.group")).hasCount(5);
      assertThat(steps.locator("tr.group").first()).containsText("第一阶段 申请入党");
      Locator developmentTarget = steps.locator("tr[data-step='development_target']");
      assertThat(developmentTarget).containsText("第 7 步");
      assertThat(developmentTarget.locator("td[data-label='处于此步']")).hasText("1");
      assertThat(developmentTarget.locator("td[data-label='最近一次']")).hasText("2021-03-05");
      assertThat(steps.locator("tr[data-step='application'] td[data-label='已完成此步']")).hasText("2");
      assertThat(steps.locator("tr[data-step='branch_meeting'] td[data-label='已完成此步']")).hasText("0");

      Locator column = page.getByTestId("party-board").locator(".board-column[data-stage='development_target']");
      assertThat(column.getByTestId("furthest-step")).hasText("第 7 步 确定发展对象 · 2021-03-05");
      assertThat(page.getByTestId("party-board").locator(".board-column[data-stage='applicant']").getByTestId("furthest-step"))
          .hasText("第 1 步 递交入党申请书 · 2025-03-10");
      web.screenshot("manager-party-board-steps");
    }
  }

  /** The branch meeting of 2021-06-01: 20 entitled to vote, 15 present, 12 yes. */
  private static void recordBranchMeeting(Locator form) {
    form.getByLabel("步骤").selectOption("branch_meeting");
    form.getByLabel("日期").fill("2021-06-01");
    form.getByLabel("应到有表决权党员").fill("20");
    form.getByLabel("实到人数").fill("15");
    form.getByLabel("赞成票").fill("12");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录步骤")).click();
  }
}
