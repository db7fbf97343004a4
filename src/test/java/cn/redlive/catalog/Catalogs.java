package cn.redlive.catalog;

import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers for the catalog features: a brand with its partner, uploads that wait for their job, iconv. */
public final class Catalogs {

  public static final String TEMPLATE_HEADER = "SKU编码,商品名称,类目,产地,规格,重量(克),售价(元),佣金比例(%),库存,图片链接,商品描述,认证";

  private final Api api;
  private String managerToken;

  public Catalogs(Api api) {
    this.api = api;
  }

  /** Logging in hashes a password; one manager token per test class is enough. */
  public String manager() {
    if (managerToken == null) managerToken = api.managerToken();
    return managerToken;
  }

  public record BrandWithPartner(long brandId, Api.NewUser partner) {
  }

  public BrandWithPartner newBrand(String origin) {
    Reply created = api.post("/api/v1/brands").as(manager()).json(new JsonObject()
        .put("name", TestApp.uniqueName("品牌")).put("enterprise", "宁夏测试农业有限公司").put("origin", origin)
        .put("certifications", new JsonArray().add("地理标志产品"))).send();
    assertEquals(201, created.status(), created::toString);
    long brandId = created.json().getLong("id");
    Api.NewUser partner = api.newUser("brand_partner");
    Reply linked = api.put("/api/v1/brands/" + brandId + "/members/" + partner.id()).as(manager()).send();
    assertEquals(204, linked.status(), linked::toString);
    return new BrandWithPartner(brandId, partner);
  }

  /** Creates a pending product through the API and returns its id. */
  public long newProduct(String token, String sku, String name, String category, long priceFen) {
    Reply created = api.post("/api/v1/products").as(token).json(new JsonObject().put("sku", sku).put("name", name)
        .put("category", category).put("origin", "宁夏").put("priceFen", priceFen).put("commissionBp", 1500).put("stock", 10)).send();
    assertEquals(201, created.status(), created::toString);
    assertEquals("pending", created.json().getString("status"));
    return created.json().getLong("id");
  }

  /** Uploads, expects 202, and polls the job until it is finished. */
  public JsonObject importFile(String token, String mode, String contentType, byte[] bytes) {
    Reply started = api.post("/api/v1/catalog/imports?mode=" + mode + "&fileName=test").as(token).bytes(contentType, bytes).send();
    assertEquals(202, started.status(), started::toString);
    return waitFor(token, started.json().getLong("id"));
  }

  public JsonObject waitFor(String token, long importId) {
    return waitFor(token, importId, Duration.ofSeconds(60));
  }

  public JsonObject waitFor(String token, long importId, Duration atMost) {
    return Eventually.await("import " + importId + " finishing", atMost, () -> {
      Reply job = api.get("/api/v1/catalog/imports/" + importId).as(token).send();
      assertEquals(200, job.status(), job::toString);
      return job.json();
    }, job -> job.getString("status").equals("succeeded") || job.getString("status").equals("failed"));
  }


  public JsonObject commitCsv(String token, String utf8Csv) {
    return importFile(token, "commit", "text/csv", utf8Csv.getBytes(StandardCharsets.UTF_8));
  }

  /** All products of the partner's brand, by SKU order. */
  public JsonArray productsOf(String token, long brandId) {
    Reply page = api.get("/api/v1/products?brandId=" + brandId + "&size=200&sort=name").as(token).send();
    assertEquals(200, page.status(), page::toString);
    return page.json().getJsonArray("items");
  }

  public static JsonObject bySku(JsonArray products, String sku) {
    return products.stream().map(JsonObject.class::cast).filter(p -> sku.equals(p.getString("sku"))).findFirst()
        .orElseThrow(() -> new AssertionError("no product " + sku + " in " + products.encodePrettily()));
  }

  /** Converts text with the system's iconv, as files from Excel in China are made. */
  public static byte[] iconv(String text, String toEncoding) {
    try {
      Process process = new ProcessBuilder("iconv", "-f", "UTF-8", "-t", toEncoding).start();
      process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (process.waitFor() != 0) throw new AssertionError("iconv failed: " + new String(process.getErrorStream().readAllBytes()));
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

}
