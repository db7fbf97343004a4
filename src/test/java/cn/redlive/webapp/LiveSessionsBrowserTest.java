package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.webapp.LiveBigScreenBrowserTest.sent;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("Live sessions are scheduled, started, followed and ended from the web app")
class LiveSessionsBrowserTest {

  private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

  private final Api api = TestApp.shared().api();
  private final LiveKit kit = new LiveKit(api);

  @Test
  @DisplayName("a manager schedules a session for a streamer, starts it, opens its big screen, ends it and reads the settled results")
  void managerRunsASession() {
    Api.NewUser streamer = api.newUser("streamer");
    long product = kit.sellableProduct(streamer);
    Api.NewUser manager = api.newUser("manager");
    String ingest = api.newUser("ingest").token();
    String title = LiveKit.uniqueId("助农专场");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password()).choose("直播场次", "sessions");
      Page page = web.page();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("安排直播")).click();
      Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("安排直播"));
      form.locator("select[name=streamerAccountId]").selectOption(String.valueOf(streamer.id()));
      assertThat(form.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("选品单中的商品"))).containsText("宁夏枸杞原浆");
      form.getByLabel("标题").fill(title);
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("安排")).click();
      assertThat(web.content()).containsText("已安排直播「" + title + "」。");

      Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText(title));
      assertThat(row).containsText("未开播");
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("开播")).click();
      assertThat(row).containsText("直播中");
      long sessionId = Long.parseLong(row.getAttribute("data-session-id"));
      sent(kit.send(ingest, batch(LiveKit.uniqueId("ui"), 1, order(sessionId, product, 9_900), like(sessionId, 12))));
      web.screenshot("sessions");

      row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("打开大屏")).click();
      assertThat(page.getByTestId("big-gmv")).hasText("¥99.00", SOON);
      assertThat(page.getByTestId("big-likes")).hasText("12", SOON);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("退出大屏")).click();

      row = page.locator("tr").filter(new Locator.FilterOptions().setHasText(title));
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("结束直播")).click();
      page.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("结束直播")).click();
      Locator results = page.getByTestId("session-results");
      assertThat(results).containsText("¥99.00");
      assertThat(results).containsText("12");
      Locator perProduct = page.getByTestId("session-results-products").locator("tr[data-product-id='" + product + "']");
      assertThat(perProduct.locator("td[data-label=商品]")).hasText("宁夏枸杞原浆", SOON);
      assertThat(perProduct.locator("td[data-label=订单数]")).hasText("1");
      assertThat(perProduct.locator("td[data-label=成交额]")).hasText("¥99.00");
      assertThat(row).containsText("已结束");
      web.screenshot("sessions-results");
    }
  }

  @Test
  @DisplayName("a streamer sees their own live session's counters move and only their own sessions")
  void streamerFollowsOwnSession() {
    LiveKit.Live live = kit.liveSession();
    LiveKit.Live someoneElse = kit.liveSession();
    String ingest = api.newUser("ingest").token();
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(live.streamer().username(), live.streamer().password()).choose("我的直播", "my-sessions");
      Locator likes = web.page().getByTestId("mine-likes");
      assertThat(web.page().getByTestId("live-now")).containsText("正在直播 · 测试直播");
      assertThat(likes).hasText("0", SOON);

      sent(kit.send(ingest, batch(LiveKit.uniqueId("mine"), 1, like(live.sessionId(), 7), order(live.sessionId(), live.productId(), 2_500))));
      assertThat(likes).hasText("7", SOON);
      assertThat(web.page().getByTestId("mine-gmv")).hasText("¥25.00", SOON);
      Locator perProduct = web.page().getByTestId("mine-products").locator("tr[data-product-id='" + live.productId() + "']");
      assertThat(perProduct.locator("td[data-label=成交额]")).hasText("¥25.00", SOON);
      assertThat(perProduct.locator("td[data-label=商品]")).hasText("宁夏枸杞原浆", SOON);
      assertThat(web.content().locator("tr[data-session-id]")).hasCount(1);
      assertThat(web.content().locator("tr[data-session-id='" + someoneElse.sessionId() + "']")).hasCount(0);
      web.screenshot("my-sessions");
    }
    // streamers mostly look at it on their phone during the show
    try (WebApp phone = WebApp.onPhone(api.baseUrl())) {
      phone.logIn(live.streamer().username(), live.streamer().password()).open("my-sessions", "my-sessions");
      assertThat(phone.page().getByTestId("mine-likes")).hasText("7", SOON);
      phone.screenshot("my-sessions-phone");
    }
  }

  @Test
  @DisplayName("a streamer schedules their own session and starts it, and the live counters appear")
  void streamerSchedulesAndStarts() {
    Api.NewUser streamer = api.newUser("streamer");
    long product = kit.sellableProduct(streamer);
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(streamer.username(), streamer.password()).choose("我的直播", "my-sessions");
      assertThat(web.content()).containsText("还没有直播场次");
      Page page = web.page();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("安排直播")).click();
      Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("安排直播"));
      assertThat(form.locator("select[name=streamerAccountId]")).hasCount(0);
      form.getByLabel("标题").fill("晚间红色直播间");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("安排")).click();

      Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText("晚间红色直播间"));
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("开播")).click();
      assertThat(page.getByTestId("live-now")).containsText("正在直播 · 晚间红色直播间");
      assertThat(page.getByTestId("mine-likes")).hasText("0", SOON);
    }
  }

  @Test
  @DisplayName("a session is scheduled from a selection list: its products with picture, commission and stock, none typed; none picked is refused")
  void scheduleFromSelectionList() {
    Api.NewUser streamer = api.newUser("streamer");
    long first = kit.sellableProduct(streamer);
    long listId = api.get("/api/v1/selection-lists").as(streamer.token()).send().json().getJsonArray("items").getJsonObject(0).getLong("id");
    var catalogs = new cn.redlive.catalog.Catalogs(api);
    var brand = catalogs.newBrand("盐池县");
    long second = api.post("/api/v1/products").as(brand.partner().token()).json(new io.vertx.core.json.JsonObject()
        .put("sku", LiveKit.uniqueId("LAMB")).put("name", "盐池滩羊肉").put("category", "滩羊").put("origin", "盐池县")
        .put("priceFen", 16_800).put("commissionBp", 1500).put("stock", 10)
        .put("imageUrls", new io.vertx.core.json.JsonArray().add("http://127.0.0.1:9/lamb.jpg"))).send().json().getLong("id");
    api.post("/api/v1/products/" + second + "/approve").as(catalogs.manager()).send();
    api.put("/api/v1/selection-lists/" + listId + "/items/" + second).as(streamer.token()).send();

    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Page page = web.page();
      // the brand's image host, answered by the browser itself with a one-pixel picture
      page.route("http://127.0.0.1:9/lamb.jpg", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
          .setContentType("image/png").setBodyBytes(java.util.Base64.getDecoder().decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="))));
      web.logIn(manager.username(), manager.password()).choose("直播场次", "sessions");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("安排直播")).click();
      Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("安排直播"));
      assertThat(form.locator("input:not([type=checkbox])[name*=product], [name=productIds]")).hasCount(0);
      form.locator("select[name=streamerAccountId]").selectOption(String.valueOf(streamer.id()));

      Locator picks = form.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("选品单中的商品"));
      assertThat(picks.getByRole(AriaRole.CHECKBOX)).hasCount(2);
      assertThat(picks).containsText("宁夏枸杞原浆");
      assertThat(picks).containsText("佣金 15.00%");
      assertThat(picks).containsText("库存 10");
      assertThat(picks.locator("img[src='http://127.0.0.1:9/lamb.jpg']")).hasCount(1);
      assertThat(form.getByLabel("标题")).hasValue("测试选品");
      web.screenshot("sessions-schedule-from-selection");

      picks.getByRole(AriaRole.CHECKBOX).nth(0).uncheck();
      picks.getByRole(AriaRole.CHECKBOX).nth(1).uncheck();
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("安排")).click();
      assertThat(form).containsText("请至少选择一件商品");

      picks.getByRole(AriaRole.CHECKBOX).nth(1).check();
      form.getByLabel("标题").fill("滩羊专场");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("安排")).click();
      assertThat(web.content()).containsText("已安排直播「滩羊专场」。");
    }
    var sessions = api.get("/api/v1/live/sessions").as(streamer.token()).send().json().getJsonArray("items");
    var scheduled = sessions.getJsonObject(0);
    org.junit.jupiter.api.Assertions.assertEquals("滩羊专场", scheduled.getString("title"));
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(second), scheduled.getJsonArray("productIds").stream().map(n -> ((Number) n).longValue()).toList(),
        "only the ticked product, not " + first);
  }

  @Test
  @DisplayName("a streamer without a selection list is sent to pick products first")
  void noSelectionListYet() {
    Api.NewUser streamer = api.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(streamer.username(), streamer.password()).choose("我的直播", "my-sessions");
      web.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("安排直播")).click();
      Locator form = web.page().getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("安排直播"));
      assertThat(form).containsText("还没有待播场次的选品单");
      assertThat(form.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("去选品"))).hasAttribute("href", "#/my-selection");
    }
  }
}
