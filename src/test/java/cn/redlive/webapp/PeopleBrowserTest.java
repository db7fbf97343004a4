package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Managers and streamers use the people pages in the browser")
class PeopleBrowserTest {

  private static final ZoneId BASE = ZoneId.of("Asia/Shanghai");

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("a manager finds an overdue talk on the Party board, is refused a skipped stage in Chinese and records the talk")
  void partyBoard() {
    long team = people.team();
    long streamer = people.streamer();
    people.join(streamer, team);
    people.ok(streamer, "application", LocalDate.now(BASE).minusDays(40).toString());
    String name = stageName(streamer);

    try (WebApp web = asManager()) {
      web.open("party", "party");
      Page page = web.page();
      page.getByLabel("按团队筛选").selectOption(String.valueOf(team));
      assertThat(page.locator(".board-column[data-stage='applicant']")).containsText(name);
      assertThat(page.getByTestId("party-counts")).containsText("入党申请人1");
      Locator due = page.locator("[data-testid='party-due'] tr[data-streamer='" + streamer + "']");
      assertThat(due).containsText("申请后一个月内谈话");
      assertThat(due).containsText("已逾期");
      web.screenshot("manager-party-board");

      due.getByRole(AriaRole.LINK).click();
      Locator record = page.getByTestId("party-record");
      assertThat(record).containsText("发展记录：" + name);
      assertThat(record.getByTestId("party-stage")).hasText("入党申请人");

      Locator form = record.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("记录发展步骤"));
      form.getByLabel("步骤").selectOption("development_target");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录步骤")).click();
      assertThat(form.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("不能跳过发展阶段"))).isVisible();
      web.screenshot("manager-party-step-refused");

      form.getByLabel("步骤").selectOption("talk");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录步骤")).click();
      assertThat(page.getByTestId("party-messages")).containsText("已记录「党组织派人谈话」");
      assertThat(record.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("发展步骤"))).containsText("党组织派人谈话");

      record.getByText("变更记录").click();
      Locator audit = record.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("变更记录"));
      assertThat(audit.locator("tbody tr")).hasCount(2);
      assertThat(audit.locator("tbody tr").first()).containsText("记录「党组织派人谈话」");
      assertThat(audit.locator("tbody tr").last()).containsText("无记录 → 入党申请人");
      web.screenshot("manager-party-audit");
    }
    JsonObject saved = api.get("/api/v1/streamers/" + streamer + "/party").as(people.managerToken()).send().json();
    assertEquals(2, saved.getJsonArray("steps").size());
  }

  @Test
  @DisplayName("a manager screens a streamer: a future date is refused next to its field, then the admission is kept in the history")
  void screening() {
    long streamer = people.streamer();
    String name = stageName(streamer);

    try (WebApp web = asManager()) {
      web.open("screening?streamer=" + streamer, "screening");
      Page page = web.page();
      Locator detail = page.getByTestId("screening-detail");
      assertThat(detail).containsText("筛选：" + name);
      assertThat(detail).containsText("还没有筛选记录");

      Locator form = detail.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("录入筛选评估"));
      form.getByLabel("结论").selectOption("admit");
      form.getByLabel("评语（可选）").fill("品行端正，讲解贺兰山东麓葡萄酒专业");
      form.getByLabel("评估日期").fill(LocalDate.now(BASE).plusDays(2).toString());
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存评估")).click();
      assertThat(form.locator(".field[data-field='assessedOn'] .field-error")).hasText("日期不能晚于今天。");

      form.getByLabel("评估日期").fill(LocalDate.now(BASE).toString());
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存评估")).click();
      assertThat(page.getByTestId("screening-messages")).containsText("已记录评估：准入红色直播间");
      Locator history = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("历次评估"));
      assertThat(history).containsText("准入红色直播间");
      assertThat(history).containsText("讲解贺兰山东麓葡萄酒专业");
      assertThat(page.getByTestId("screening-detail")).containsText("红色直播间在岗");
      web.screenshot("manager-screening");
    }
    assertEquals("active", api.get("/api/v1/streamers/" + streamer).as(people.managerToken()).send().json().getString("status"));
  }

  @Test
  @DisplayName("a manager opens a streamer's page, moves them to another team and sees the history, Party stage and study; sales wait for their API")
  void streamerPage() {
    long from = people.team();
    long to = people.team();
    long streamer = people.streamer();
    people.join(streamer, from);
    people.ok(streamer, "application", LocalDate.now(BASE).minusDays(3).toString());
    String fromName = teamName(from);
    String toName = teamName(to);

    try (WebApp web = asManager()) {
      web.open("streamers?id=" + streamer, "streamers");
      Page page = web.page();
      assertThat(page.getByTestId("streamer-profile")).containsText(stageName(streamer));
      assertThat(page.getByTestId("streamer-sales")).containsText("还没有销售记录");
      assertThat(page.getByTestId("party-stage")).hasText("入党申请人");
      assertThat(page.getByTestId("study-points")).containsText("学习积分");

      Locator move = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("调入团队"));
      move.getByLabel("调入团队").selectOption(String.valueOf(to));
      move.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("调入")).click();
      assertThat(page.getByText("已调入「" + toName + "」。")).isVisible();
      Locator history = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("调队记录"));
      assertThat(history).containsText(fromName);
      assertThat(history).containsText(toName);
      assertThat(history).containsText("至今");
      web.screenshot("manager-streamer-page");
    }
    try (WebApp phone = WebApp.onPhone(api.baseUrl())) {
      Api.NewUser manager = api.newUser("manager");
      phone.logIn(manager.username(), manager.password()).open("streamers?id=" + streamer, "streamers");
      assertThat(phone.page().getByTestId("party-stage")).hasText("入党申请人");
      phone.screenshot("manager-streamer-page-phone");
    }
  }

  @Test
  @DisplayName("a manager lists the talent pool by team and opens the team's study table")
  void streamerListAndTeam() {
    long team = people.team();
    long streamer = people.streamer();
    people.join(streamer, team);
    String name = stageName(streamer);

    try (WebApp web = asManager()) {
      web.open("streamers", "streamers");
      Page page = web.page();
      page.getByLabel("按团队筛选").selectOption(String.valueOf(team));
      Locator list = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("主播列表"));
      assertThat(list.locator("tbody tr")).hasCount(1);
      assertThat(list).containsText(name);
      assertThat(page.locator(".pager")).containsText("共 1 位主播");
      web.screenshot("manager-streamers");

      page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("团队列表"))
          .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(teamName(team))).click();
      assertThat(page.getByTestId("team-detail")).containsText(name);
      assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("团队学习进度表"))).containsText("7 天未学习");
    }
  }

  @Test
  @DisplayName("a streamer opens a study item, answers its quiz and sees the points, the item done and what remains")
  void myStudy() {
    People.LoggedIn me = people.streamerWithLogin();
    String title = TestApp.uniqueName("学习《枸杞产业振兴》");
    Reply item = api.post("/api/v1/study/items").as(people.managerToken()).json(new JsonObject()
        .put("title", title).put("kind", "article").put("minutes", 15).put("points", 5).put("body", "枸杞产业……")
        .put("quiz", new io.vertx.core.json.JsonArray().add(new JsonObject().put("question", "宁夏的红色果实是？")
            .put("options", new io.vertx.core.json.JsonArray().add("苹果").add("枸杞")).put("answer", 1)))).send();
    assertEquals(201, item.status(), item::toString);
    long itemId = item.json().getLong("id");

    try (WebApp web = WebApp.onPhone(api.baseUrl())) {
      web.logIn(me.user().username(), me.user().password()).open("my-study", "my-study");
      Page page = web.page();
      assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("还需学习"))).containsText(title);
      Locator row = page.locator("tr[data-item='" + itemId + "']");
      assertThat(row).containsText("未完成");

      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("开始学习")).click();
      assertThat(row).containsText("枸杞产业");
      row.getByLabel("枸杞").check();
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交测验")).click();
      // the answer is checked and the page reloads the summary and items: slower than the default wait on a busy machine
      assertThat(page.getByTestId("study-messages")).containsText("获得 5 积分",
          new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
      assertThat(page.locator("tr[data-item='" + itemId + "']")).containsText("已完成");
      assertThat(page.getByTestId("study-points")).containsText("今日 5 / 30");
      assertThat(page.getByTestId("study-streak")).containsText("1 天");
      web.screenshot("streamer-my-study-phone");
    }
  }

  @Test
  @DisplayName("a streamer opens the party board (a manager's page) and is refused")
  void streamerRefusedPartyBoard() {
    People.LoggedIn me = people.streamerWithLogin();
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(me.user().username(), me.user().password()).open("party", "party");

      assertThat(web.content().getByRole(AriaRole.ALERT)).containsText("无权访问此页面");
      assertThat(web.content()).containsText("「党员发展」仅对基地管理员开放，您当前的身份是主播。");
      assertThat(web.content().locator("[data-testid='party-board']")).hasCount(0);
      web.screenshot("streamer-refused-party");
    }
  }

  private WebApp asManager() {
    Api.NewUser manager = api.newUser("manager");
    return WebApp.onLaptop(api.baseUrl()).logIn(manager.username(), manager.password());
  }

  private String stageName(long streamerId) {
    return api.get("/api/v1/streamers/" + streamerId).as(people.managerToken()).send().json().getString("stageName");
  }

  private String teamName(long teamId) {
    return api.get("/api/v1/teams/" + teamId).as(people.managerToken()).send().json().getString("name");
  }
}
