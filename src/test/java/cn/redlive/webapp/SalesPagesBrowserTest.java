package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The sales pages show the ledger to each role")
class SalesPagesBrowserTest {

  private static final Api API = TestApp.shared().api();
  private static SalesWorld world;

  @BeforeAll
  static void sales() {
    world = new SalesWorld(API);
  }

  @Test
  @DisplayName("a manager ranks the streamers of this month, opens one's monthly trend and exports the ranking as CSV and Excel")
  void managerRanksAndExports() throws IOException {
    Api.NewUser manager = API.newUser("manager");
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(manager.username(), manager.password()).choose("业绩排名", "rankings");
      Locator row = web.content().locator("tr[data-streamer-id='" + world.streamer.streamerId() + "']");
      assertThat(row).containsText(SalesWorld.NET_YUAN);
      assertThat(row.locator("[role=meter]")).hasAttribute("aria-valuenow", "0");
      assertThat(web.content().getByTestId("ranking-chart").locator("canvas")).hasCount(1);
      assertThat(web.content().getByTestId("team-comparison").locator("tr[data-team-id='" + world.teamId + "']"))
          .containsText(SalesWorld.NET_YUAN);
      assertThat(web.content().getByTestId("behind-target").locator("tr[data-scope='streamer'][data-scope-id='" + world.streamer.streamerId() + "']"))
          .containsText("¥100,000.00");
      web.screenshot("manager-rankings");

      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("月度趋势")).click();
      Locator detail = web.content().getByTestId("streamer-sales");
      assertThat(detail.getByTestId("streamer-this-month")).containsText(SalesWorld.NET_YUAN);
      assertThat(detail.getByTestId("streamer-trend").locator("canvas")).hasCount(1);
      assertThat(detail).containsText("贺兰山东麓葡萄酒");
      assertEquals(java.util.List.of(), web.smoothedSeries(), "charts draw the figures as they are, not smoothed");
      web.screenshot("manager-rankings-streamer");

      Page page = web.page();
      Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导出 CSV")).click());
      assertTrue(csv.suggestedFilename().endsWith(".csv"), csv.suggestedFilename());
      String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("\uFEFF") && text.contains("排名") && text.contains(world.stageName),
          "a CSV Excel opens in UTF-8, naming the streamers: " + text);
      Download xlsx = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导出 Excel")).click());
      assertTrue(xlsx.suggestedFilename().endsWith(".xlsx"), xlsx.suggestedFilename());
      byte[] workbook = Files.readAllBytes(xlsx.path());
      assertTrue(workbook.length > 100 && workbook[0] == 'P' && workbook[1] == 'K', "an XLSX is a zip file");
      assertThat(web.content().getByTestId("ranking-messages")).containsText("已导出");
    }
    try (WebApp phone = WebApp.onPhone(API.baseUrl())) {
      phone.logIn(manager.username(), manager.password()).open("rankings", "rankings");
      assertThat(phone.content().locator("tr[data-streamer-id='" + world.streamer.streamerId() + "']")).containsText(SalesWorld.NET_YUAN);
      double overflow = ((Number) phone.page().evaluate(
          "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).doubleValue();
      assertTrue(overflow <= 0, "the rankings scroll sideways on a phone by " + overflow + " px");
      phone.screenshot("phone-manager-rankings");
    }
  }

  @Test
  @DisplayName("a manager checks a sales CSV, reads the row errors in Chinese, imports the good rows, and the same file again changes nothing")
  void managerImportsSales() {
    String csv = SalesWorld.csvHeader() + world.row(TestApp.uniqueName("TB"), "order", 1, "88.00", "")
        + "TB-bad," + java.time.Instant.now() + ",nobody-has-this-name," + world.productId + ",1,10.00,taobao,订单,\n";
    FilePayload file = new FilePayload("淘宝销售.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    Api.NewUser manager = API.newUser("manager");
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(manager.username(), manager.password()).choose("业绩排名", "rankings");
      Page page = web.page();
      page.getByLabel("选择销售数据 CSV 文件").setInputFiles(file);
      Locator result = web.content().getByTestId("sales-import-result");
      assertThat(result).containsText("预检完成：共 2 行，可导入 1 行");
      assertThat(result.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("导入错误")))
          .containsText("没有这个用户名的主播账号");
      assertThat(result).containsText("第 3 行");
      web.screenshot("manager-sales-import-preview");

      result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认导入 1 行")).click();
      assertThat(result).containsText("导入完成：新增 1 行");

      page.getByLabel("选择销售数据 CSV 文件").setInputFiles(new FilePayload[0]);
      page.getByLabel("选择销售数据 CSV 文件").setInputFiles(file);
      assertThat(result).containsText("可导入 0 行");
      assertThat(result).containsText("已在台账中 1 行");
      assertThat(result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认导入 0 行"))).isDisabled();
      web.screenshot("manager-sales-import-again");
    }
  }

  @Test
  @DisplayName("a manager registers a resident enterprise, sees its incubation and rent-free ends, and sets a team's monthly target")
  void managerEnterprisesAndTargets() {
    String name = TestApp.uniqueName("宁夏枸杞合作社");
    Api.NewUser manager = API.newUser("manager");
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(manager.username(), manager.password()).choose("企业与目标", "enterprises");
      assertThat(web.content().getByTestId("goals").locator("[data-goal]")).hasCount(4);
      Locator existing = web.content().locator("tr[data-enterprise-id='" + world.enterpriseId + "']");
      assertThat(existing).containsText(world.enterpriseName);
      assertThat(existing).containsText("2027-08-31");
      assertThat(existing).containsText("2026-11-30");

      Page page = web.page();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记企业")).click();
      Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("登记企业"));
      form.getByLabel("企业名称").fill(name);
      form.getByLabel("入驻日期").fill("2026-03-15");
      form.getByLabel("设备押金（元）").fill("5000");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记")).click();
      assertThat(web.content().getByTestId("enterprise-messages")).containsText("已登记企业「" + name + "」");
      Locator created = web.content().locator("tr[data-enterprise-id]").filter(new Locator.FilterOptions().setHasText(name));
      assertThat(created).containsText("2027-03-14");
      assertThat(created).containsText("2026-06-14");
      assertThat(created).containsText("孵化中");
      assertThat(created).containsText("¥5,000.00");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记企业")).click();
      form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("登记企业"));
      form.getByLabel("企业名称").fill(name);
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记")).click();
      assertThat(form).containsText("已有同名企业，请换一个名称。");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取消")).click();

      Locator targets = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("月度目标"));
      targets.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("设定目标")).click();
      Locator targetForm = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("设定目标"));
      targetForm.getByLabel("对象类型").selectOption("team");
      targetForm.locator("select[name=scopeId] option[value='" + world.teamId + "']").waitFor(
          new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
      targetForm.getByLabel("对象", new Locator.GetByLabelOptions().setExact(true)).selectOption(String.valueOf(world.teamId));
      targetForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存目标")).click();
      assertThat(targetForm).containsText("请填写成交额目标或增长目标");
      targetForm.getByLabel("成交额目标（元）").fill("796");
      targetForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存目标")).click();
      Locator teamTarget = targets.locator("tr[data-scope='team']").filter(new Locator.FilterOptions().setHasText("¥796.00"));
      assertThat(teamTarget).containsText(SalesWorld.NET_YUAN);
      assertThat(teamTarget.locator("[role=meter]")).hasAttribute("aria-valuenow", "50");
      web.screenshot("manager-enterprises");
    }
  }

  @Test
  @DisplayName("a streamer sees today's and this month's own sales, the target's progress chart and the best product, also on a phone")
  void streamerPerformance() {
    Api.NewUser user = world.streamer.user();
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(user.username(), user.password());
      assertThat(web.content().getByTestId("today-net")).hasText(SalesWorld.NET_YUAN);
      assertThat(web.content().getByTestId("month-net")).hasText(SalesWorld.NET_YUAN);
      assertThat(web.content()).containsText("本月已完成 ¥398.00 / 目标 ¥100,000.00");
      assertThat(web.content().getByTestId("target-chart").locator("canvas")).hasCount(1);
      assertThat(web.content().getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("热销商品")))
          .containsText("贺兰山东麓葡萄酒");
      web.screenshot("streamer-my-performance");
    }
    try (WebApp phone = WebApp.onPhone(API.baseUrl())) {
      phone.logIn(user.username(), user.password());
      assertThat(phone.content().getByTestId("today-net")).hasText(SalesWorld.NET_YUAN);
      double overflow = ((Number) phone.page().evaluate(
          "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).doubleValue();
      assertTrue(overflow <= 0, "my performance scrolls sideways on a phone by " + overflow + " px");
      phone.screenshot("phone-streamer-my-performance");
    }
  }

  @Test
  @DisplayName("a brand partner sees their products' sales by day, by streamer and by product; a new streamer sees empty states that say what to do")
  void brandPartnerSales() {
    Api.NewUser partner = world.brand.partner();
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(partner.username(), partner.password()).choose("销售情况", "my-sales");
      Locator sales = web.content().getByTestId("brand-sales");
      assertThat(sales.getByTestId("brand-total")).containsText(SalesWorld.NET_YUAN);
      assertThat(sales.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("按商品的销售"))).containsText("贺兰山东麓葡萄酒");
      assertThat(sales.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("按主播的销售"))).containsText(SalesWorld.NET_YUAN);
      assertThat(sales.getByTestId("brand-days-chart").locator("canvas")).hasCount(1);
      assertEquals(java.util.List.of(), web.smoothedSeries(), "charts draw the figures as they are, not smoothed");
      web.screenshot("brand-partner-my-sales");
    }
    Api.NewUser newcomer = API.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(newcomer.username(), newcomer.password());
      assertThat(web.content()).containsText("本月还没有设定目标");
      assertThat(web.content()).containsText("在「我的直播」安排一场直播");
      web.screenshot("streamer-my-performance-empty");
    }
  }

  @Test
  @DisplayName("a streamer who opens the rankings and a brand partner who opens the enterprises are refused in Chinese")
  void otherRolesAreRefused() {
    Api.NewUser streamer = world.streamer.user();
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(streamer.username(), streamer.password()).open("rankings", "rankings");
      assertThat(web.content().getByRole(AriaRole.ALERT)).containsText("无权访问此页面");
      assertThat(web.content()).containsText("「业绩排名」仅对基地管理员开放，您当前的身份是主播。");
      assertThat(web.content().locator("table")).hasCount(0);
      web.screenshot("streamer-refused-rankings");
    }
    Api.NewUser partner = world.brand.partner();
    try (WebApp web = WebApp.onLaptop(API.baseUrl())) {
      web.logIn(partner.username(), partner.password()).open("enterprises", "enterprises");
      assertThat(web.content()).containsText("「企业与目标」仅对基地管理员开放，您当前的身份是品牌方。");
      Object answer = web.page().evaluate("""
          async () => {
            const api = await import('/js/api.js');
            try { await api.get('/reports/rankings'); return 'no error'; } catch (e) { return e.status + ' ' + e.message; }
          }""");
      assertThat(web.content().locator("table")).hasCount(0);
      org.junit.jupiter.api.Assertions.assertEquals("403 您的角色无权执行此操作。", answer);
    }
  }
}
