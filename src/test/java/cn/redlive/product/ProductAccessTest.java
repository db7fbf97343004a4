package cn.redlive.product;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Brand partners reach only their own brand's data; streamers cannot change products")
class ProductAccessTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  @Test
  @DisplayName("partner A can neither read nor change brand B's products, brand or import jobs")
  void partnerIsolation() {
    var a = catalogs.newBrand("中宁县");
    var b = catalogs.newBrand("盐池县");
    long productOfB = catalogs.newProduct(b.partner().token(), "B-1", "宁夏枸杞原浆", "枸杞", 16800);
    JsonObject jobOfB = catalogs.importFile(b.partner().token(), "dry-run", "text/csv",
        (TEMPLATE_HEADER + "\nB-2,滩羊,滩羊肉,盐池县,,,10,10%,1,,,\n").getBytes(StandardCharsets.UTF_8));
    String tokenA = a.partner().token();

    assertProblem(api.get("/api/v1/products/" + productOfB).as(tokenA).send(), 404, "not-found");
    assertProblem(api.method("PATCH", "/api/v1/products/" + productOfB).as(tokenA)
        .json(new JsonObject().put("priceFen", 1)).send(), 404, "not-found");
    assertProblem(api.post("/api/v1/products/" + productOfB + "/delist").as(tokenA).send(), 404, "not-found");
    assertEquals(0, catalogs.productsOf(tokenA, b.brandId()).size(), "a brand filter cannot widen a partner's scope");
    assertProblem(api.get("/api/v1/brands/" + b.brandId()).as(tokenA).send(), 404, "not-found");
    assertProblem(api.put("/api/v1/brands/" + b.brandId()).as(tokenA).json(new JsonObject()
        .put("name", "改名").put("enterprise", "x").put("origin", "y")).send(), 404, "not-found");
    assertProblem(api.get("/api/v1/catalog/imports/" + jobOfB.getLong("id")).as(tokenA).send(), 404, "not-found");
    assertProblem(api.get("/api/v1/catalog/imports/" + jobOfB.getLong("id") + "/errors.csv").as(tokenA).send(), 404, "not-found");
    assertEquals(0, api.get("/api/v1/catalog/imports").as(tokenA).send().json().getLong("total"));
    assertEquals(1, api.get("/api/v1/brands").as(tokenA).send().json().getJsonArray("items").size());

    assertEquals(16800, api.get("/api/v1/products/" + productOfB).as(b.partner().token()).send().json().getLong("priceFen"));
  }

  @Test
  @DisplayName("a partner's upload always lands in its own brand, whatever brandId it names")
  void uploadStaysInOwnBrand() {
    var a = catalogs.newBrand("中宁县");
    var b = catalogs.newBrand("盐池县");
    Reply started = api.post("/api/v1/catalog/imports?mode=commit&brandId=" + b.brandId()).as(a.partner().token())
        .bytes("text/csv", (TEMPLATE_HEADER + "\nX-1,枸杞,枸杞,中宁县,,,10,10%,1,,,\n").getBytes(StandardCharsets.UTF_8)).send();
    assertEquals(202, started.status(), started::toString);
    catalogs.waitFor(a.partner().token(), started.json().getLong("id"));

    assertEquals(0, catalogs.productsOf(catalogs.manager(), b.brandId()).size());
    assertEquals(1, catalogs.productsOf(catalogs.manager(), a.brandId()).size());
  }

  @Test
  @DisplayName("a streamer cannot create, change, delist, approve or upload products, and sees only approved ones")
  void streamerCannotChangeProducts() {
    var brand = catalogs.newBrand("中宁县");
    long pending = catalogs.newProduct(brand.partner().token(), "S-1", "宁夏枸杞原浆", "枸杞", 16800);
    String streamer = api.newUser("streamer").token();

    assertProblem(api.post("/api/v1/products").as(streamer).json(new JsonObject().put("sku", "S-2").put("name", "x")
        .put("category", "x").put("origin", "x").put("priceFen", 1).put("commissionBp", 1)).send(), 403, "role-not-allowed");
    assertProblem(api.method("PATCH", "/api/v1/products/" + pending).as(streamer)
        .json(new JsonObject().put("priceFen", 1)).send(), 403, "role-not-allowed");
    assertProblem(api.post("/api/v1/products/" + pending + "/delist").as(streamer).send(), 403, "role-not-allowed");
    assertProblem(api.post("/api/v1/products/" + pending + "/approve").as(streamer).send(), 403, "role-not-allowed");
    assertProblem(api.post("/api/v1/catalog/imports").as(streamer).bytes("text/csv", new byte[] {'a'}).send(),
        403, "role-not-allowed");
    assertProblem(api.get("/api/v1/products/" + pending).as(streamer).send(), 404, "not-found");

    api.post("/api/v1/products/" + pending + "/approve").as(catalogs.manager()).send();
    assertEquals(200, api.get("/api/v1/products/" + pending).as(streamer).send().status());
  }

  @Test
  @DisplayName("an upload without a token is refused before the body is read")
  void uploadNeedsToken() {
    assertProblem(api.post("/api/v1/catalog/imports").bytes("text/csv", new byte[] {'a'}).send(), 401, "missing-token");
  }
}
