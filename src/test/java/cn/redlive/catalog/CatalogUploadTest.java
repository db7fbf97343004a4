package cn.redlive.catalog;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static cn.redlive.catalog.Catalogs.bySku;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Brand partners upload their catalog in the formats found in the field")
class CatalogUploadTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  @Test
  @DisplayName("a GBK CSV saved by Excel is detected and its Chinese text stored intact")
  void gbkCsv() {
    var brand = catalogs.newBrand("中宁县");
    String csv = TEMPLATE_HEADER + "\r\n"
        + "GBK-001,宁夏枸杞原浆 30ml×10袋,枸杞,中宁县,30ml×10袋,350,￥168.00,20%,500,,头茬鲜果,地理标志产品;有机认证\r\n"
        + "GBK-002,头茬特级红枸杞,枸杞,,500g,500,\"￥1,299.00\",15,80,,,\r\n";
    JsonObject job = catalogs.importFile(brand.partner().token(), "commit", "text/csv", Catalogs.iconv(csv, "GBK"));

    assertEquals("succeeded", job.getString("status"), job::encodePrettily);
    assertEquals("GBK", job.getString("encoding"));
    assertEquals(2, job.getJsonObject("report").getInteger("inserted"));
    JsonArray products = catalogs.productsOf(brand.partner().token(), brand.brandId());
    JsonObject goji = bySku(products, "GBK-001");
    assertEquals("宁夏枸杞原浆 30ml×10袋", goji.getString("name"));
    assertEquals(16800, goji.getLong("priceFen"));
    assertEquals(2000, goji.getInteger("commissionBp"));
    assertEquals(new JsonArray().add("地理标志产品").add("有机认证"), goji.getJsonArray("certifications"));
    JsonObject dried = bySku(products, "GBK-002");
    assertEquals(129900, dried.getLong("priceFen"), "￥1,299.00 is 129900 fen");
    assertEquals("中宁县", dried.getString("origin"), "an empty origin takes the brand's");
    assertEquals("pending", dried.getString("status"));
  }

  @Test
  @DisplayName("a UTF-8 CSV with BOM, CRLF line ends and quoted newlines keeps multi-line descriptions")
  void utf8BomCrlfQuotedNewlines() {
    var brand = catalogs.newBrand("盐池县");
    String csv = "\uFEFF" + "sku,name,category,origin,price,commission,stock,description\r\n"
        + "TY-1,盐池滩羊羊排 2.5kg,滩羊肉,盐池县,398.00,15%,120,\"第一行\r\n第二行，含\"\"引号\"\"\"\r\n"
        + "TY-2,滩羊后腿,滩羊肉,盐池县,298,12.5%,60,\r\n";
    JsonObject job = catalogs.importFile(brand.partner().token(), "commit", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    assertEquals("succeeded", job.getString("status"), job::encodePrettily);
    assertEquals("UTF-8 BOM", job.getString("encoding"));
    JsonArray products = catalogs.productsOf(brand.partner().token(), brand.brandId());
    assertEquals("第一行\r\n第二行，含\"引号\"", bySku(products, "TY-1").getString("description"));
    assertEquals(1250, bySku(products, "TY-2").getInteger("commissionBp"));
    assertEquals(2, job.getJsonObject("progress").getInteger("rowsTotal"));
    assertEquals(100, job.getJsonObject("progress").getInteger("percent"));
  }

  @Test
  @DisplayName("an XLSX workbook is read row by row, numbers and percent cells included")
  void xlsx() throws IOException {
    var brand = catalogs.newBrand("永宁县");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(bytes, "RedLive", "1.0")) {
      Worksheet sheet = workbook.newWorksheet("商品");
      String[] header = TEMPLATE_HEADER.split(",");
      for (int c = 0; c < header.length; c++) sheet.value(0, c, header[c]);
      sheet.value(1, 0, "HL-750");
      sheet.value(1, 1, "赤霞珠干红葡萄酒 750ml");
      sheet.value(1, 2, "葡萄酒");
      sheet.value(1, 3, "永宁县");
      sheet.value(1, 5, 1200);
      sheet.value(1, 6, 168.5);
      sheet.value(1, 7, 0.25);
      sheet.style(1, 7).format("0%").set();
      sheet.value(1, 8, 36);
      sheet.value(2, 0, "HL-375");
      sheet.value(2, 1, "贵人香甜白 375ml");
      sheet.value(2, 2, "葡萄酒");
      sheet.value(2, 6, "¥88");
      sheet.value(2, 7, "18%");
    }
    JsonObject job = catalogs.importFile(brand.partner().token(), "commit",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.toByteArray());

    assertEquals("succeeded", job.getString("status"), job::encodePrettily);
    assertEquals("xlsx", job.getString("format"));
    JsonArray products = catalogs.productsOf(brand.partner().token(), brand.brandId());
    JsonObject red = bySku(products, "HL-750");
    assertEquals(16850, red.getLong("priceFen"));
    assertEquals(2500, red.getInteger("commissionBp"), "a 25% cell is stored by Excel as 0.25");
    assertEquals(1200, red.getInteger("weightGrams"));
    assertEquals(8800, bySku(products, "HL-375").getLong("priceFen"));
  }

  @Test
  @DisplayName("a Shopify product CSV becomes one product per variant, grouped by Handle")
  void shopifyVariants() {
    var brand = catalogs.newBrand("中宁县");
    String csv = "Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Grams,"
        + "Variant Inventory Qty,Variant Price,Image Src,Status\n"
        + "goji-puree,宁夏枸杞原浆,<p>头茬鲜果<br>无添加</p>,杞源,枸杞,枸杞,规格,30ml×10袋,SP-GOJI-10,350,100,168.00,https://img.example.cn/g1.jpg,active\n"
        + "goji-puree,,,,,,,30ml×30袋,SP-GOJI-30,1000,40,\"1,299.00\",https://img.example.cn/g2.jpg,\n"
        + "goji-puree,,,,,,,,,,,,https://img.example.cn/g3.jpg,\n"
        + "tan-lamb,盐池滩羊羊排,,盐池,滩羊肉,,Title,Default Title,SP-LAMB,2500,20,398,,active\n";
    JsonObject job = catalogs.importFile(brand.partner().token(), "commit", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    assertEquals("succeeded", job.getString("status"), job::encodePrettily);
    assertEquals("shopify", job.getString("layout"));
    assertEquals(3, job.getJsonObject("report").getInteger("inserted"));
    JsonArray products = catalogs.productsOf(brand.partner().token(), brand.brandId());
    JsonObject big = bySku(products, "SP-GOJI-30");
    assertEquals("宁夏枸杞原浆 30ml×30袋", big.getString("name"));
    assertEquals("枸杞", big.getString("category"), "variants inherit the Type of the first row");
    assertEquals(129900, big.getLong("priceFen"));
    assertEquals(3, big.getJsonArray("imageUrls").size(), "images of the whole group");
    assertEquals("头茬鲜果\n无添加", big.getString("description"));
    assertEquals("盐池滩羊羊排", bySku(products, "SP-LAMB").getString("name"), "Default Title is not part of the name");
  }

  @Test
  @DisplayName("uploading the same file twice changes nothing the second time")
  void idempotentReupload() {
    var brand = catalogs.newBrand("中卫市");
    String csv = TEMPLATE_HEADER + "\n"
        + "XSG-1,中卫硒砂瓜 单果约8斤,硒砂瓜,中卫市,,,49.00,12%,300,,,\n"
        + "XSG-2,中卫硒砂瓜 两果装,硒砂瓜,中卫市,,,89.00,12%,200,,,\n";
    JsonObject first = catalogs.commitCsv(brand.partner().token(), csv);
    JsonObject second = catalogs.commitCsv(brand.partner().token(), csv);
    JsonObject third = catalogs.commitCsv(brand.partner().token(), csv.replace("89.00", "99.00"));

    assertEquals(new JsonObject().put("inserted", 2).put("updated", 0).put("unchanged", 0).put("failed", 0).put("errorCount", 0),
        first.getJsonObject("report"));
    assertEquals(new JsonObject().put("inserted", 0).put("updated", 0).put("unchanged", 2).put("failed", 0).put("errorCount", 0),
        second.getJsonObject("report"));
    assertEquals(1, third.getJsonObject("report").getInteger("updated"));
    assertEquals(1, third.getJsonObject("report").getInteger("unchanged"));
    assertEquals(2, catalogs.productsOf(brand.partner().token(), brand.brandId()).size());
  }

  @Test
  @DisplayName("a catalog that grows by SKUs between the stored ones inserts those and updates only what changed")
  void newSkusBetweenStoredOnes() {
    var brand = catalogs.newBrand("中卫市");
    String stored = TEMPLATE_HEADER + "\n"
        + "ZW-1,中卫苹果 5斤装,苹果,中卫市,,,39.00,10%,100,,,\n"
        + "ZW-4,中卫苹果 10斤装,苹果,中卫市,,,69.00,10%,100,,,\n";
    String grown = TEMPLATE_HEADER + "\n"
        + "ZW-1,中卫苹果 5斤装,苹果,中卫市,,,39.00,10%,100,,,\n"
        + "ZW-2,中卫苹果 6斤装,苹果,中卫市,,,45.00,10%,100,,,\n"
        + "ZW-3,中卫苹果 8斤装,苹果,中卫市,,,55.00,10%,100,,,\n"
        + "ZW-4,中卫苹果 10斤装,苹果,中卫市,,,66.00,10%,100,,,\n";
    catalogs.commitCsv(brand.partner().token(), stored);
    JsonObject job = catalogs.commitCsv(brand.partner().token(), grown);

    assertEquals(new JsonObject().put("inserted", 2).put("updated", 1).put("unchanged", 1).put("failed", 0).put("errorCount", 0),
        job.getJsonObject("report"));
    JsonArray products = catalogs.productsOf(brand.partner().token(), brand.brandId());
    assertEquals(4, products.size());
    assertEquals(6600, bySku(products, "ZW-4").getLong("priceFen"));
  }

  @Test
  @DisplayName("a dry run reports every row's errors and a preview, and writes nothing")
  void dryRun() {
    var brand = catalogs.newBrand("灵武市");
    String csv = TEMPLATE_HEADER + "\n"
        + "LW-1,灵武长枣 1kg,红枣,灵武市,,,36.00,15%,100,,,\n"
        + "LW-2,,红枣,灵武市,,,abc,150%,-3,,,\n";
    JsonObject job = catalogs.importFile(brand.partner().token(), "dry-run", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    assertEquals("succeeded", job.getString("status"), job::encodePrettily);
    assertEquals(1, job.getJsonObject("report").getInteger("failed"));
    assertEquals(1, job.getJsonArray("preview").size());
    assertEquals("LW-1", job.getJsonArray("preview").getJsonObject(0).getString("sku"));
    JsonArray errors = job.getJsonArray("errors");
    assertTrue(errors.stream().map(JsonObject.class::cast).allMatch(e -> e.getInteger("row") == 3), errors::encodePrettily);
    assertEquals(java.util.Set.of("商品名称"), errors.stream().map(JsonObject.class::cast).map(e -> e.getString("column"))
        .collect(java.util.stream.Collectors.toSet()), "a missing required cell is reported before the values are read");
    assertEquals(0, catalogs.productsOf(brand.partner().token(), brand.brandId()).size());
  }

  @Test
  @DisplayName("the template downloads with Chinese headers and uploads as it is")
  void template() {
    var brand = catalogs.newBrand("中宁县");
    var template = api.get("/api/v1/catalog/template").as(brand.partner().token()).send();

    assertEquals(200, template.status());
    assertTrue(template.contentType().startsWith("text/csv"));
    assertTrue(template.body().startsWith("\uFEFF" + TEMPLATE_HEADER + "\r\n"), template::body);
    JsonObject job = catalogs.importFile(brand.partner().token(), "dry-run", "text/csv",
        template.body().getBytes(StandardCharsets.UTF_8));
    assertEquals(0, job.getJsonObject("report").getInteger("failed"), job::encodePrettily);
    assertEquals(2, job.getJsonObject("progress").getInteger("rowsTotal"));
  }
}
