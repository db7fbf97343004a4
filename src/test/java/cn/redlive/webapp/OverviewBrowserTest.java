package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The manager overview")
class OverviewBrowserTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("is the manager's landing page: today's live GMV, the rooms live now with their big screens, the goals, what waits for review, this month's leaders; the account counts on the accounts page")
  void overview() {
    LiveKit.Live live = new LiveKit(api).liveSession();
    var catalogs = new cn.redlive.catalog.Catalogs(api);
    // a product a brand uploaded that nobody has reviewed yet
    catalogs.newProduct(catalogs.newBrand("同心县").partner().token(), LiveKit.uniqueId("SKU"), "同心圆枣", "红枣", 3900);
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password());

      assertThat(web.content().getByTestId("today-live-gmv")).containsText("¥");
      assertThat(web.content().getByTestId("goals-met")).containsText(" / 4 项达成");
      assertTrue(Integer.parseInt(web.content().getByTestId("live-now-count").textContent().trim()) >= 1, "a session is live");
      Locator rooms = web.content().getByTestId("overview-live");
      assertThat(rooms.locator("a[href='#/big-screen?session=" + live.sessionId() + "']")).hasText("打开大屏 →");
      Locator todo = web.content().getByTestId("overview-todo").locator("li").filter(
          new Locator.FilterOptions().setHasText("件商品等待审核"));
      assertTrue(Integer.parseInt(todo.locator(".todo-count").textContent().replace(",", "").trim()) >= 1, todo.textContent());
      assertThat(todo.getByRole(AriaRole.LINK)).hasAttribute("href", "#/product-review");
      assertThat(web.content().getByTestId("overview-todo")).containsText("项党员发展事项已逾期");
      assertThat(web.content().getByTestId("overview-ranking").getByRole(AriaRole.LINK,
          new Locator.GetByRoleOptions().setName("查看完整排名 →"))).isVisible();
      // account counts are the accounts page's business, not the landing page's
      assertThat(web.content().getByTestId("accounts-chart")).hasCount(0);
      web.screenshot("manager-overview");

      rooms.locator("a[href='#/big-screen?session=" + live.sessionId() + "']").click();
      assertThat(web.page().getByTestId("big-screen")).containsText("测试直播");

      web.open("accounts", "accounts");
      assertThat(web.content().getByTestId("accounts-chart").locator(".bar-row")).hasCount(4);
      assertThat(web.content().getByTestId("accounts-chart")).hasAttribute("aria-label",
          java.util.regex.Pattern.compile("基地管理员启用 [1-9]\\d* 个"));
      assertThat(web.content().getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions()
          .setName("各角色账号数量"))).containsText("主播");
    }
  }

  @Test
  @DisplayName("loads on the demo data in a fresh tab with an empty browser cache, timed by the browser's navigation timing")
  void loadTime() {
    // a server of its own with the demo data set, in a database of its own: the figure is about the data a new
    // base starts with, not whatever the other tests have left in the shared one
    TestApp demo = TestApp.start(Map.of("demo", "true", "database.url", TestServers.newDatabase("overview_demo")));
    try (WebApp signedIn = WebApp.onLaptop(demo.api().baseUrl())) {
      signedIn.logIn(TestApp.MANAGER, TestApp.MANAGER_PASSWORD);
      assertThat(signedIn.content().getByRole(AriaRole.TABLE, new com.microsoft.playwright.Locator.GetByRoleOptions()
          .setName("本月主播排名")).locator("tbody tr")).hasCount(5);
      signedIn.screenshot("manager-overview-demo");
      // the first load after the server's start measures its JIT warm-up, not the page
      loadOverviewInFreshTab(signedIn);
      double[] loads = new double[5];
      for (int i = 0; i < loads.length; i++) {
        loads[i] = loadOverviewInFreshTab(signedIn);
        assertTrue(loads[i] > 0, "the overview marks when it is ready");
      }
      java.util.Arrays.sort(loads);
      // print only, the median of five loads: machines running several builds at once make a timing assertion flaky
      System.out.println("bench web: overview_load_ms=" + Math.round(loads[loads.length / 2])
          + " min_ms=" + Math.round(loads[0]) + " max_ms=" + Math.round(loads[loads.length - 1]));
    } finally {
      demo.stop();
    }
  }

  /** Milliseconds from navigation start until the overview has its data and its chart drawn. */
  private static double loadOverviewInFreshTab(WebApp signedIn) {
    try (WebApp fresh = WebApp.signedInLike(signedIn)) {
      fresh.open("overview", "overview");
      return ((Number) fresh.page().evaluate(
          "() => performance.getEntriesByName('redlive:ready:overview').at(-1).startTime")).doubleValue();
    }
  }

  @Test
  @DisplayName("on a phone the menu opens from the top bar and pages fit the screen")
  void phone() {
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onPhone(api.baseUrl())) {
      web.logIn(manager.username(), manager.password());
      assertThat(web.menu()).isHidden();
      web.screenshot("phone-manager-overview");

      web.page().getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("打开菜单")).click();
      assertThat(web.menu()).isVisible();
      web.choose("账号管理", "accounts");
      assertThat(web.menu()).isHidden();
      double overflow = ((Number) web.page().evaluate(
          "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).doubleValue();
      assertTrue(overflow <= 0, "the account page scrolls sideways on a phone by " + overflow + " px");
      web.screenshot("phone-manager-accounts");
    }
  }

  @Test
  @DisplayName("growth on the overview reads 红涨绿跌: a rise ▲ in red, a fall ▼ in green, as every growth figure the page shows")
  void risesRedFallsGreen() {
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password());
      @SuppressWarnings("unchecked")
      Map<String, Object> seen = (Map<String, Object>) web.page().evaluate("""
          async () => {
            const { growthTag } = await import('/js/sales.js');
            const probe = document.createElement('div');
            probe.append(growthTag({ growthBp: 1250, previousFen: 100 }), growthTag({ growthBp: -830, previousFen: 100 }));
            document.querySelector('main').append(probe);
            const [up, down] = probe.children;
            const shown = [...document.querySelectorAll('main .growth.up, main .growth.down')].map((g) =>
              [g.classList.contains('up'), g.textContent, getComputedStyle(g).color]);
            return { up: up.textContent, upColor: getComputedStyle(up).color,
              down: down.textContent, downColor: getComputedStyle(down).color, shown };
          }""");
      org.junit.jupiter.api.Assertions.assertEquals("▲ 12.50%", seen.get("up"));
      org.junit.jupiter.api.Assertions.assertEquals("rgb(179, 18, 28)", seen.get("upColor"), "a rise in the base's red");
      org.junit.jupiter.api.Assertions.assertEquals("▼ 8.30%", seen.get("down"));
      org.junit.jupiter.api.Assertions.assertEquals("rgb(23, 112, 61)", seen.get("downColor"), "a fall in green");
      for (Object figure : (java.util.List<?>) seen.get("shown")) {
        java.util.List<?> f = (java.util.List<?>) figure;
        boolean rise = (Boolean) f.get(0);
        assertTrue(String.valueOf(f.get(1)).startsWith(rise ? "▲" : "▼"), "every growth figure: " + f);
        org.junit.jupiter.api.Assertions.assertEquals(rise ? "rgb(179, 18, 28)" : "rgb(23, 112, 61)", f.get(2), f.toString());
      }
    }
  }

  @Test
  @DisplayName("shows today's GMV hour by hour beside yesterday's, the hour running now marked as partial and the hours to come without a bar")
  void gmvByHour() {
    SalesWorld world = new SalesWorld(api);
    java.time.ZonedDateTime now = java.time.ZonedDateTime.now(SalesWorld.BASE);
    // yesterday at this hour: the bar beside the hour running now has yesterday's grey bar too
    String yesterday = now.minusDays(1).toInstant().toString();
    world.importCsv(SalesWorld.csvHeader() + String.join(",", TestApp.uniqueName("DY"), yesterday,
        world.streamer.user().username(), String.valueOf(world.productId), "1", "5000.00", "douyin", "order", "") + "\n");
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password());
      Locator chart = web.content().getByTestId("overview-hourly");
      assertThat(chart.locator(".hour")).hasCount(24);
      Locator running = chart.locator(".hour.partial");
      assertThat(running).hasCount(1);
      assertThat(running).hasAttribute("data-hour", String.valueOf(now.getHour()));
      assertThat(running).hasAttribute("title", java.util.regex.Pattern.compile("今日 ¥[\\d,.]+（进行中），昨日 ¥[\\d,.]+"));
      assertThat(running.locator(".hour-label")).hasText("进行中");
      assertThat(running.locator(".bar.today.partial")).hasCount(1);
      double yesterdayHeight = ((Number) running.locator(".bar.yesterday").evaluate("b => b.getBoundingClientRect().height")).doubleValue();
      assertTrue(yesterdayHeight > 0, "yesterday's sale of this hour has a bar");
      // the hours still to come have yesterday's bar only: no dive to zero
      assertThat(chart.locator(".hour").filter(new Locator.FilterOptions().setHas(web.page().locator(".bar.today")))).hasCount(now.getHour() + 1);
      assertThat(chart.getByTestId("hourly-today")).containsText("¥");
      assertThat(chart.locator("[role=img]")).hasAttribute("aria-label", java.util.regex.Pattern.compile("^今日截至 " + (now.getHour() + 1) + " 时成交 ¥"));
      web.screenshot("manager-overview-hourly");
    }
  }

  @Test
  @DisplayName("names the streamers who moved most this month with real sales: a rise ▲ in red, a fall ▼ in green; the goals as progress; streamers behind target among what waits")
  void movers() {
    // a rise: a large sale today for a streamer who sold nothing last month
    SalesWorld world = new SalesWorld(api);
    world.importCsv(SalesWorld.csvHeader() + world.row(TestApp.uniqueName("DY"), "order", 1, "9000000.00", ""));
    // a fall: a streamer who sold on the 1st of last month (always inside the days compared) and nothing this month
    cn.redlive.support.People.LoggedIn faller = new cn.redlive.support.People(api).streamerWithLogin();
    String fallerName = api.get("/api/v1/streamers/" + faller.streamerId()).as(world.manager).send().json().getString("stageName");
    String lastMonth = java.time.YearMonth.now(SalesWorld.BASE).minusMonths(1).atDay(1).atTime(12, 0)
        .atZone(SalesWorld.BASE).toInstant().toString();
    world.importCsv(SalesWorld.csvHeader() + String.join(",", TestApp.uniqueName("DY"), lastMonth, faller.user().username(),
        String.valueOf(world.productId), "1", "8000000.00", "douyin", "order", "") + "\n");
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password());
      Locator movers = web.content().getByTestId("overview-movers");
      Locator rise = movers.locator("li").filter(new Locator.FilterOptions().setHasText(world.stageName));
      Locator fall = movers.locator("li").filter(new Locator.FilterOptions().setHasText(fallerName));
      assertThat(rise.locator(".change")).hasText("▲ ¥900.04万");
      assertThat(rise.locator(".change")).hasCSS("color", "rgb(179, 18, 28)");
      assertThat(fall.locator(".change")).hasText("▼ ¥800.00万");
      assertThat(fall.locator(".change")).hasCSS("color", "rgb(23, 112, 61)");
      assertThat(fall.locator(".growth:not(.change)")).hasText("▼ 100.00%");
      assertThat(fall.locator(".growth:not(.change)")).hasCSS("color", "rgb(23, 112, 61)");
      assertThat(rise.getByRole(AriaRole.LINK)).hasAttribute("href", "#/streamers?id=" + world.streamer.streamerId());
      // every change on the card reads 红涨绿跌
      for (Locator change : movers.locator(".change").all()) {
        boolean up = change.getAttribute("class").contains(" up");
        assertTrue(change.textContent().startsWith(up ? "▲" : "▼"), change.textContent());
        assertThat(change).hasCSS("color", up ? "rgb(179, 18, 28)" : "rgb(23, 112, 61)");
      }

      Locator goals = web.content().getByTestId("overview-goals");
      assertThat(goals.locator("li")).hasCount(4);
      assertThat(goals.locator("li[data-goal=approved_products] [role=meter]")).hasAttribute("aria-valuemax", "100");
      assertThat(goals.locator("li[data-goal=talent_pool] .goal-figure")).containsText(" / 100");

      // the fixture's streamer has a target of ¥100,000 this month and sold ¥9,000,398 of it: not behind; the
      // count of streamers behind is the server's
      Locator behind = web.content().getByTestId("overview-todo").locator("li").filter(
          new Locator.FilterOptions().setHasText("位主播本月进度落后于目标"));
      int expected = (int) api.get("/api/v1/reports/behind-target").as(world.manager).send().json().getJsonArray("items")
          .stream().filter(t -> "streamer".equals(((io.vertx.core.json.JsonObject) t).getString("scope"))).count();
      assertThat(behind.locator(".todo-count")).hasText(String.valueOf(expected));
      web.screenshot("manager-overview-movers");
    }
  }
}
