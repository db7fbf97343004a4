package cn.redlive.webapp;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A brand partner uploads a catalog in the browser")
class CatalogUploadBrowserTest {

  private static final int ROWS = 3000;

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  @Test
  @DisplayName("a brand partner drops a catalog, reads the dry run's errors in Chinese, commits and watches the progress bar finish")
  void uploadAndWatchProgress() throws IOException {
    var brand = catalogs.newBrand("中宁县");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(brand.partner().username(), brand.partner().password()).waitReady("catalog-upload");
      Page page = web.page();
      assertThat(web.content()).containsText("还没有导入记录");

      drop(page, "枸杞目录.csv", catalog());
      Locator work = web.content();
      assertThat(work).containsText("预检完成：共 3,002 行，3,000 行可以导入，2 行有错误");
      Locator errors = page.getByRole(com.microsoft.playwright.options.AriaRole.TABLE,
          new Page.GetByRoleOptions().setName("错误明细"));
      assertThat(errors).containsText("不是有效的金额（元）");
      assertThat(errors).containsText("以“=”开头");
      assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.TABLE, new Page.GetByRoleOptions().setName("预览")))
          .containsText("宁夏枸杞原浆 第1号");
      assertEquals(0, catalogs.productsOf(brand.partner().token(), brand.brandId()).size(), "a dry run writes nothing");
      web.screenshot("partner-catalog-dry-run");

      recordProgress(page);
      page.getByTestId("commit").click();
      assertThat(page.getByTestId("import-report")).containsText("新增3,000");
      assertThat(page.getByTestId("import-progress")).hasAttribute("aria-valuenow", "100");
      @SuppressWarnings("unchecked")
      List<Object> seen = (List<Object>) page.evaluate("() => window.progressSeen");
      List<Integer> percents = seen.stream().map(v -> Integer.parseInt(String.valueOf(v))).toList();
      assertTrue(percents.get(0) < 100, "the bar starts below 100%: " + percents);
      assertEquals(100, percents.get(percents.size() - 1), "the bar ends full: " + percents);
      for (int i = 1; i < percents.size(); i++) assertTrue(percents.get(i) >= percents.get(i - 1), "never goes back: " + percents);
      web.screenshot("partner-catalog-committed");

      Download download = page.waitForDownload(() -> page.getByTestId("error-report").click());
      String report = Files.readString(download.path(), StandardCharsets.UTF_8);
      assertTrue(report.contains("行号,列名,单元格内容,错误说明"), report);
      assertTrue(report.contains("'=SUM(1+1)"), "the report defuses the formula: " + report);
      assertTrue(report.startsWith("\uFEFF"), "a BOM, so that Excel shows the Chinese");
      assertTrue(report.contains("不是有效的金额（元）"), "the report explains each error in Chinese: " + report);
      assertTrue(!report.contains("is not an amount"), "and not in English: " + report);

      web.choose("我的商品", "my-products");
      assertThat(web.content()).containsText("共 3000 个商品");
      assertThat(web.content().locator("tbody tr").first()).containsText("待审核");
      web.screenshot("partner-my-products");
    }
  }

  @Test
  @DisplayName("a catalog without its 类目 column is refused naming the column, and the bar does not read as failed at 100%")
  void missingColumnNamed() {
    var brand = catalogs.newBrand("贺兰县");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(brand.partner().username(), brand.partner().password()).waitReady("catalog-upload");
      Page page = web.page();
      drop(page, "少一列.csv", "SKU编码,商品名称,售价,佣金比例\nW-1,贺兰山东麓赤霞珠,198,20%\n");

      assertThat(web.content().getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("缺少必填列：类目");
      Locator bar = page.getByTestId("import-progress");
      assertThat(bar).hasAttribute("aria-valuenow", "0");
      assertThat(bar).hasClass(java.util.regex.Pattern.compile("stopped"));
      assertThat(web.content()).containsText("预检未完成");
      assertThat(web.content()).not().containsText("失败 100%");
      web.screenshot("partner-catalog-missing-column");
    }
  }

  @Test
  @DisplayName("a Shopify export warns that commission defaults to 0% and that its English product types stay untranslated")
  void shopifyWarnings() {
    var brand = catalogs.newBrand("盐池滩羊");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(brand.partner().username(), brand.partner().password()).waitReady("catalog-upload");
      drop(web.page(), "products_export.csv", """
          Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Image Src,Status
          lamb-rack,盐池滩羊法式羊排,<p>鲜切</p>,盐池滩羊,Meat,,Title,Default Title,LAMB-1,168.00,40,,active
          """);

      Locator warnings = web.page().getByTestId("import-warnings");
      assertThat(warnings).containsText("佣金 0%");
      assertThat(warnings).containsText("这些类目不是中文：Meat");
      web.screenshot("partner-catalog-shopify-warnings");
    }
  }

  @Test
  @DisplayName("on a phone the upload page shows the drop zone and says what to do first")
  void uploadOnPhone() {
    var brand = catalogs.newBrand("盐池县");
    try (WebApp web = WebApp.onPhone(api.baseUrl())) {
      web.logIn(brand.partner().username(), brand.partner().password()).waitReady("catalog-upload");
      assertThat(web.page().getByTestId("dropzone")).isVisible();
      assertThat(web.content()).containsText("下载模板");
      web.screenshot("partner-catalog-upload-phone");
    }
  }

  /** 3000 good rows, a bad price and a formula cell. */
  private static String catalog() {
    StringBuilder csv = new StringBuilder(Catalogs.TEMPLATE_HEADER).append('\n');
    for (int i = 1; i <= ROWS; i++) {
      csv.append("G-%04d,宁夏枸杞原浆 第%d号,枸杞,中宁县,30ml×10袋,350,¥%d.00,15%%,%d,,中宁头茬鲜果,地理标志产品\n".formatted(i, i, 50 + i % 100, i));
    }
    csv.append("G-BAD1,枸杞干,枸杞,中宁县,,,十元,15%,1,,,\n");
    csv.append("G-BAD2,枸杞茶,枸杞,中宁县,,,20,15%,1,,=SUM(1+1),\n");
    return csv.toString();
  }

  /** Drags a file onto the drop zone, as a person does from the desktop. */
  private static void drop(Page page, String name, String content) {
    JSHandle transfer = page.evaluateHandle("([name, content]) => { const t = new DataTransfer();"
        + " t.items.add(new File([content], name, { type: 'text/csv' })); return t; }", List.of(name, content));
    page.getByTestId("dropzone").dispatchEvent("drop", Map.of("dataTransfer", transfer));
  }

  /** Every value the progress bar shows from now on, in order. */
  private static void recordProgress(Page page) {
    page.evaluate("() => { window.progressSeen = [];"
        + " new MutationObserver(() => { const bar = document.querySelector('[data-testid=import-progress]');"
        + "   if (bar && window.progressSeen.at(-1) !== bar.getAttribute('aria-valuenow'))"
        + "     window.progressSeen.push(bar.getAttribute('aria-valuenow')); })"
        + " .observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] }); }");
  }
}
