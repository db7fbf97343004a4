package cn.redlive.webapp;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A streamer builds a selection list in the browser")
class SelectionBrowserTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  @Test
  @DisplayName("a streamer starts a list, finds an approved product by a Chinese substring, adds it and takes it off again")
  void buildAList() {
    var brand = catalogs.newBrand("中宁县");
    String name = "头茬枸杞原浆" + TestApp.uniqueName("礼盒");
    long product = catalogs.newProduct(brand.partner().token(), "S-1", name, "枸杞", 15800);
    assertEquals(200, api.post("/api/v1/products/" + product + "/approve").as(catalogs.manager()).send().status());
    Api.NewUser streamer = api.newUser("streamer");

    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(streamer.username(), streamer.password()).choose("我的选品", "my-selection");
      Page page = web.page();
      assertThat(web.content()).containsText("还没有待播场次的选品单");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建选品单")).first().click();
      Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("新建选品单"));
      form.getByLabel("场次名称").fill("周五晚 枸杞专场");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("创建")).click();
      assertThat(page.getByTestId("selection-messages")).containsText("已创建选品单「周五晚 枸杞专场」");
      assertThat(web.content()).containsText("这张选品单还是空的");

      page.getByLabel("搜索商品").fill(name.substring(2, 6));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索")).click();
      Locator result = page.locator("ul.product-results li[data-sku='S-1']");
      result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("加入")).click();
      Locator chosen = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("已选商品"));
      assertThat(chosen).containsText(name);
      assertThat(result).containsText("已加入");
      assertThat(page.getByTestId("list-picker")).containsText("1 个商品");
      web.screenshot("streamer-my-selection");

      chosen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("移除")).click();
      assertThat(web.content()).containsText("这张选品单还是空的");
      assertThat(result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("加入"))).isVisible();
    }
  }

  @Test
  @DisplayName("a manager sees which products streamers pick most, and a brand partner sees which of theirs were picked")
  void whoPickedWhat() {
    var picked = catalogs.newBrand("灵武市");
    var notPicked = catalogs.newBrand("盐池县");
    String sku = TestApp.uniqueName("TAN-");
    String name = "盐池滩羊羊排" + sku;
    long product = catalogs.newProduct(picked.partner().token(), sku, name, "滩羊", 26800);
    assertEquals(200, api.post("/api/v1/products/" + product + "/approve").as(catalogs.manager()).send().status());
    for (int i = 0; i < 2; i++) pickForASession(api.newUser("streamer"), product);

    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Api.NewUser manager = api.newUser("manager");
      web.logIn(manager.username(), manager.password()).choose("热门选品", "popular-products");
      web.page().getByLabel("显示前多少个商品").selectOption("100");
      Locator row = web.content().locator("tr[data-sku='" + sku + "']");
      assertThat(row).containsText(name);
      assertThat(row).containsText("2 张");
      assertThat(row).containsText("2 位");
      web.screenshot("manager-popular-products");
      // both lists are for a session the day after tomorrow: counted from today on, not among the last 30 days
      web.page().getByLabel("统计哪些场次").selectOption("今天及以后的场次");
      assertThat(row).containsText("2 张");
      web.page().getByLabel("统计哪些场次").selectOption("近 30 天的场次");
      assertThat(row).hasCount(0);
    }
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(picked.partner().username(), picked.partner().password()).choose("我的商品", "my-products");
      Locator selected = web.content().getByTestId("selected-products");
      assertThat(selected.locator("tbody tr")).hasCount(1);
      assertThat(selected.locator("tr[data-sku='" + sku + "']")).containsText("2 位");
      web.screenshot("partner-selected-products");
    }
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(notPicked.partner().username(), notPicked.partner().password()).choose("我的商品", "my-products");
      assertThat(web.content().getByTestId("selected-products")).containsText("还没有商品被选入选品单");
    }
  }

  private void pickForASession(Api.NewUser streamer, long product) {
    var list = api.post("/api/v1/selection-lists").as(streamer.token()).json(new io.vertx.core.json.JsonObject()
        .put("title", "周末滩羊专场").put("plannedDate", java.time.LocalDate.now().plusDays(2).toString())).send();
    assertEquals(201, list.status(), list::toString);
    var added = api.put("/api/v1/selection-lists/" + list.json().getLong("id") + "/items/" + product).as(streamer.token()).send();
    assertEquals(200, added.status(), added::toString);
  }
}
