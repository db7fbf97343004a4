package cn.redlive.webapp;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A manager reviews products in the browser")
class ProductReviewBrowserTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  @Test
  @DisplayName("a manager approves a product and sees it leave the queue, rejects one with a reason the partner then reads")
  void approveAndReject() {
    var brand = catalogs.newBrand("中宁县");
    long goji = catalogs.newProduct(brand.partner().token(), "R-1", "中宁枸杞原浆", "枸杞", 9900);
    long wine = catalogs.newProduct(brand.partner().token(), "R-2", "贺兰山东麓干红", "葡萄酒", 19800);

    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Page page = openQueueOf(web, brand);
      Locator gojiRow = page.locator("tr[data-sku='R-1']");
      Locator wineRow = page.locator("tr[data-sku='R-2']");
      assertThat(gojiRow).containsText("¥99.00");
      assertThat(web.content()).containsText("共 2 个待审核");
      web.screenshot("manager-product-review");

      gojiRow.getByTestId("approve").click();
      assertThat(page.getByTestId("review-messages")).containsText("已通过「中宁枸杞原浆」");
      assertThat(gojiRow).hasCount(0);
      assertThat(wineRow).isVisible();
      assertEquals("approved", product(goji).getString("status"));

      wineRow.getByTestId("reject").click();
      page.getByTestId("confirm-reject").click();
      assertThat(page.locator("dialog.confirm .field-error")).hasText("请填写驳回原因");
      page.locator("dialog.confirm textarea").fill("缺少酒类流通备案凭证，请补充后重新上传");
      page.getByTestId("confirm-reject").click();
      assertThat(page.getByTestId("review-messages")).containsText("已驳回「贺兰山东麓干红」");
      assertThat(web.content()).containsText("该品牌没有待审核的商品");
      assertEquals("rejected", product(wine).getString("status"));
      web.screenshot("manager-product-review-empty");
    }

    try (WebApp web = WebApp.onPhone(api.baseUrl())) {
      web.logIn(brand.partner().username(), brand.partner().password()).waitReady("catalog-upload");
      web.open("my-products", "my-products");
      Locator wineRow = web.page().locator("tr[data-sku='R-2']");
      assertThat(wineRow).containsText("已驳回");
      assertThat(wineRow).containsText("驳回原因：缺少酒类流通备案凭证");
      wineRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("审核记录")).click();
      assertThat(wineRow.locator(".decision-list")).containsText("驳回");
      assertThat(web.page().locator("tr[data-sku='R-1']")).containsText("已通过");
      web.screenshot("partner-my-products-phone");
    }
  }

  @Test
  @DisplayName("a manager ticks several products and approves them together")
  void bulkApprove() {
    var brand = catalogs.newBrand("盐池县");
    long first = catalogs.newProduct(brand.partner().token(), "B-1", "盐池滩羊肉", "滩羊", 12800);
    long second = catalogs.newProduct(brand.partner().token(), "B-2", "滩羊排", "滩羊", 16800);

    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Page page = openQueueOf(web, brand);
      page.getByLabel("全选本页").check();
      page.getByTestId("bulk-approve").click();
      page.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("全部通过")).click();
      assertThat(page.getByTestId("review-messages")).containsText("已通过 2 个商品");
      assertThat(web.content()).containsText("该品牌没有待审核的商品");
      assertEquals("approved", product(first).getString("status"));
      assertEquals("approved", product(second).getString("status"));
    }
  }

  /** A new manager opens the review queue and narrows it to the brand (other tests fill the shared queue too). */
  @Test
  @DisplayName("a manager reviewing a product sees its pictures, certificates and description")
  void reviewShowsPicturesCertificatesAndDescription() {
    var brand = catalogs.newBrand("盐池县");
    String base = api.baseUrl();
    var created = api.post("/api/v1/products").as(brand.partner().token()).json(new JsonObject().put("sku", "M-1")
        .put("name", "盐池滩羊肉").put("category", "滩羊").put("origin", "宁夏").put("priceFen", 16800).put("commissionBp", 1500)
        .put("stock", 10).put("description", "盐池滩羊后腿肉，冷链直发，肉质细嫩无膻味。")
        .put("certifications", new io.vertx.core.json.JsonArray().add("地理标志产品").add("绿色食品"))
        .put("imageUrls", new io.vertx.core.json.JsonArray().add(base + "/img/a.png").add(base + "/img/b.png")
            .add(base + "/img/c.png").add(base + "/img/d.png"))).send();
    assertEquals(201, created.status(), created::toString);

    try (WebApp web = WebApp.onDesktop(api.baseUrl())) {
      Page page = openQueueOf(web, brand);
      Locator material = page.locator("tr[data-sku='M-1']").getByTestId("review-material");
      assertThat(material).containsText("盐池滩羊后腿肉，冷链直发");
      assertThat(material).containsText("地理标志产品");
      assertThat(material).containsText("绿色食品");
      assertThat(material.locator("img")).hasCount(3);
      assertThat(material.locator("img").first()).hasAttribute("alt", "盐池滩羊肉 图片 1");
      assertThat(material).containsText("共 4 张");
      web.screenshot("manager-product-review-material");
    }
  }

  private Page openQueueOf(WebApp web, Catalogs.BrandWithPartner brand) {
    String brandName = api.get("/api/v1/brands/" + brand.brandId()).as(catalogs.manager()).send().json().getString("name");
    Api.NewUser manager = api.newUser("manager");
    web.logIn(manager.username(), manager.password()).choose("商品审核", "product-review");
    web.page().getByLabel("按品牌筛选").selectOption(new SelectOption().setLabel(brandName));
    return web.page();
  }

  private JsonObject product(long id) {
    return api.get("/api/v1/products/" + id).as(catalogs.manager()).send().json();
  }
}
