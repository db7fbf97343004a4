package cn.redlive.catalog;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static cn.redlive.catalog.Catalogs.bySku;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Broken catalog files get a precise report and nothing wrong is written")
class BrokenCatalogTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  private JsonObject commit(Catalogs.BrandWithPartner brand, byte[] bytes) {
    return catalogs.importFile(brand.partner().token(), "commit", "text/csv", bytes);
  }

  private static void assertFailed(JsonObject job, String code, String messagePart) {
    assertEquals("failed", job.getString("status"), job::encodePrettily);
    assertEquals(code, job.getJsonObject("failure").getString("code"), job::encodePrettily);
    assertTrue(job.getJsonObject("failure").getString("message").contains(messagePart), job::encodePrettily);
  }

  private static JsonObject error(JsonObject job, int row, String column) {
    return job.getJsonArray("errors").stream().map(JsonObject.class::cast)
        .filter(e -> e.getInteger("row") == row && e.getString("column").equals(column)).findFirst()
        .orElseThrow(() -> new AssertionError("no error at row " + row + ", " + column + " in " + job.encodePrettily()));
  }

  @Test
  @DisplayName("bytes that are neither UTF-8 nor GBK fail the file with the line they are on")
  void undecodableBytes() {
    var brand = catalogs.newBrand("中宁县");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((TEMPLATE_HEADER + "\nA-1,枸杞,枸杞,中宁县,,,10,10%,1,,,\nA-2,").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0x80});
    bytes.writeBytes(",枸杞,中宁县,,,10,10%,1,,,\n".getBytes(StandardCharsets.UTF_8));

    assertFailed(commit(brand, bytes.toByteArray()), "undecodable-text", "line 3");
    assertEquals(0, catalogs.productsOf(brand.partner().token(), brand.brandId()).size());
  }

  @Test
  @DisplayName("a bad byte far into a UTF-8 file fails the file with its line, after rows were already written")
  void undecodableBytesLate() {
    var brand = catalogs.newBrand("中宁县");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((TEMPLATE_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i <= 6000; i++) {
      bytes.writeBytes(("LATE-" + i + ",中宁枸杞原浆 第" + i + "号,枸杞,中宁县,,,10,10%,1,,,\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes("LATE-X,".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xE6, (byte) 0x9E});
    bytes.writeBytes(",枸杞,中宁县,,,10,10%,1,,,\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(bytes.size() > 256 * 1024, "far past the part of the file read before the rows");

    assertFailed(commit(brand, bytes.toByteArray()), "undecodable-text", "line 6002");
    assertEquals(0, catalogs.productsOf(brand.partner().token(), brand.brandId()).size());
  }

  @Test
  @DisplayName("missing required columns are named, with the columns that were found")
  void missingColumns() {
    var brand = catalogs.newBrand("中宁县");
    JsonObject job = commit(brand, "SKU编码,商品名称,类目\nA-1,枸杞,枸杞\n".getBytes(StandardCharsets.UTF_8));

    assertFailed(job, "missing-columns", "售价(元) (price), 佣金比例(%) (commission)");
    assertTrue(job.getJsonObject("failure").getString("message").contains("Found: SKU编码, 商品名称, 类目"));
  }

  @Test
  @DisplayName("prices with ¥ and thousands separators parse; a price that is not a number fails only its row")
  void badPrices() {
    var brand = catalogs.newBrand("盐池县");
    String csv = TEMPLATE_HEADER + "\n"
        + "P-1,滩羊羊排,滩羊肉,盐池县,,,\"¥1,299.00\",15%,10,,,\n"
        + "P-2,滩羊后腿,滩羊肉,盐池县,,,abc,15%,10,,,\n"
        + "P-3,滩羊肉卷,滩羊肉,盐池县,,,12.345,15%,10,,,\n"
        + "P-4,手抓羊肉,滩羊肉,盐池县,,,-5,15%,10,,,\n";
    JsonObject job = commit(brand, csv.getBytes(StandardCharsets.UTF_8));

    assertEquals("succeeded", job.getString("status"));
    assertEquals(new JsonObject().put("inserted", 1).put("updated", 0).put("unchanged", 0).put("failed", 3).put("errorCount", 3),
        job.getJsonObject("report"));
    JsonObject abc = error(job, 3, "售价(元)");
    assertEquals("abc", abc.getString("value"));
    assertEquals("'abc' is not an amount in yuan, e.g. 129.00 or ¥1,299.00", abc.getString("message"));
    error(job, 4, "售价(元)");
    error(job, 5, "售价(元)");
    JsonArray products = catalogs.productsOf(brand.partner().token(), brand.brandId());
    assertEquals(1, products.size());
    assertEquals(129900, bySku(products, "P-1").getLong("priceFen"));
  }

  @Test
  @DisplayName("a SKU twice in one file fails every row that has it")
  void duplicateSkus() {
    var brand = catalogs.newBrand("中宁县");
    String csv = TEMPLATE_HEADER + "\n"
        + "D-1,枸杞原浆,枸杞,中宁县,,,10,10%,1,,,\n"
        + "D-2,黑枸杞,枸杞,中宁县,,,20,10%,1,,,\n"
        + "D-1,枸杞原浆 大包装,枸杞,中宁县,,,30,10%,1,,,\n";
    JsonObject job = commit(brand, csv.getBytes(StandardCharsets.UTF_8));

    assertEquals(2, job.getJsonObject("report").getInteger("failed"), job::encodePrettily);
    assertTrue(error(job, 2, "SKU编码").getString("message").contains("again in row 4"));
    assertTrue(error(job, 4, "SKU编码").getString("message").contains("already appears in row 2"));
    JsonArray products = catalogs.productsOf(brand.partner().token(), brand.brandId());
    assertEquals(List.of("D-2"), products.stream().map(p -> ((JsonObject) p).getString("sku")).toList());
  }

  @Test
  @DisplayName("a SKU repeated chunks apart is refused too: what was written before the repeat is undone, the rest written")
  void duplicateSkuAfterWrittenChunks() {
    var brand = catalogs.newBrand("中宁县");
    int distinct = ImportRun.CHUNK + 1;
    StringBuilder csv = new StringBuilder(TEMPLATE_HEADER).append('\n');
    csv.append("R-0,重复款,枸杞,中宁县,,,10,10%,1,,,\n");
    for (int i = 1; i < distinct; i++) csv.append("R-").append(i).append(",枸杞 ").append(i).append(",枸杞,中宁县,,,10,10%,1,,,\n");
    csv.append("R-0,重复款 大包装,枸杞,中宁县,,,30,10%,1,,,\n");
    JsonObject job = commit(brand, csv.toString().getBytes(StandardCharsets.UTF_8));

    assertEquals("succeeded", job.getString("status"), job::encodePrettily);
    assertEquals(new JsonObject().put("inserted", distinct - 1).put("updated", 0).put("unchanged", 0).put("failed", 2)
        .put("errorCount", 2), job.getJsonObject("report"));
    assertTrue(error(job, distinct + 2, "SKU编码").getString("message").contains("already appears in row 2"));
    String products = "/api/v1/products?brandId=" + brand.brandId();
    assertEquals(distinct - 1, api.get(products).as(brand.partner().token()).send().json().getLong("total"));
    assertEquals(0, api.get(products + "&q=" + java.net.URLEncoder.encode("重复款", StandardCharsets.UTF_8))
        .as(brand.partner().token()).send().json().getLong("total"));
  }

  @Test
  @DisplayName("cells starting with = are refused, and the error report defuses them")
  void formulaCells() {
    var brand = catalogs.newBrand("中宁县");
    String csv = TEMPLATE_HEADER + "\n"
        + "F-1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",枸杞,中宁县,,,10,10%,1,,,\n"
        + "F-2,枸杞,枸杞,中宁县,,,10,10%,1,,@SUM(1+1),\n";
    JsonObject job = commit(brand, csv.getBytes(StandardCharsets.UTF_8));

    assertEquals(2, job.getJsonObject("report").getInteger("failed"), job::encodePrettily);
    assertTrue(error(job, 2, "商品名称").getString("message").contains("starts with '='"));
    error(job, 3, "商品描述");
    assertEquals(0, catalogs.productsOf(brand.partner().token(), brand.brandId()).size());

    Reply report = api.get("/api/v1/catalog/imports/" + job.getLong("id") + "/errors.csv").as(brand.partner().token()).send();
    assertEquals(200, report.status());
    assertTrue(report.contentType().startsWith("text/csv"));
    String[] lines = report.body().substring(1).split("\r\n");
    assertEquals("行号,列名,单元格内容,错误说明", lines[0]);
    assertTrue(lines[1].startsWith("2,商品名称,\"'=HYPERLINK("), lines[1]);
    assertTrue(lines[2].startsWith("3,商品描述,'@SUM(1+1),"), lines[2]);
  }

  @Test
  @DisplayName("an empty file, a header without rows and a binary file each get their own failure")
  void emptyAndBinary() {
    var brand = catalogs.newBrand("中宁县");
    assertFailed(commit(brand, new byte[0]), "empty-file", "empty");
    assertFailed(commit(brand, (TEMPLATE_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)), "no-rows", "no product rows");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    assertFailed(commit(brand, png), "binary-file", "not a CSV or XLSX");
    byte[] zipNotXlsx = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    assertFailed(commit(brand, zipNotXlsx), "unreadable-xlsx", "not a readable workbook");
    assertEquals(0, catalogs.productsOf(brand.partner().token(), brand.brandId()).size());
  }

  @Test
  @DisplayName("a file over 50 MB is refused with 413 before it is stored")
  void tooLarge() {
    var brand = catalogs.newBrand("中宁县");
    Reply reply = api.post("/api/v1/catalog/imports?mode=dry-run").as(brand.partner().token())
        .bytes("text/csv", new byte[50 * 1024 * 1024 + 1]).send();
    assertProblem(reply, 413, "file-too-large");
  }
}
