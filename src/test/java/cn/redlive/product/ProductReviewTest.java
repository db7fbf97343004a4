package cn.redlive.product;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Managers review products before they can be sold")
class ProductReviewTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  private long create(String token, String sku, long price) {
    return catalogs.newProduct(token, sku, "盐池滩羊羊排", "滩羊肉", price);
  }

  private JsonObject product(long id) {
    return api.get("/api/v1/products/" + id).as(catalogs.manager()).send().json();
  }

  @Test
  @DisplayName("a new product waits in the queue; a rejection carries its reason; an edit resubmits it")
  void approveAndReject() {
    var brand = catalogs.newBrand("盐池县");
    long good = create(brand.partner().token(), "R-1", 39800);
    long bad = create(brand.partner().token(), "R-2", 100);

    // other tests fill the shared queue; the brand filter finds this brand's products whatever their number
    JsonArray queue = api.get("/api/v1/reviews/products?size=200&brandId=" + brand.brandId()).as(catalogs.manager()).send()
        .json().getJsonArray("items");
    assertTrue(queue.stream().map(JsonObject.class::cast).anyMatch(p -> p.getLong("id") == good));
    assertTrue(queue.stream().map(JsonObject.class::cast).allMatch(p -> p.getLong("brandId") == brand.brandId()));
    assertEquals("approved", api.post("/api/v1/products/" + good + "/approve").as(catalogs.manager()).send().json().getString("status"));
    Reply rejected = api.post("/api/v1/products/" + bad + "/reject").as(catalogs.manager())
        .json(new JsonObject().put("reason", "价格明显低于成本，请核实")).send();
    assertEquals("rejected", rejected.json().getString("status"));
    assertEquals("价格明显低于成本，请核实", rejected.json().getString("rejectReason"));
    assertProblem(api.post("/api/v1/products/" + bad + "/approve").as(catalogs.manager()).send(), 422, "nothing-to-review");

    Reply resubmitted = api.method("PATCH", "/api/v1/products/" + bad).as(brand.partner().token())
        .json(new JsonObject().put("priceFen", 29800)).send();
    assertEquals("pending", resubmitted.json().getString("status"), resubmitted::toString);
    assertNull(resubmitted.json().getString("rejectReason"));

    JsonArray history = api.get("/api/v1/products/" + bad + "/decisions").as(brand.partner().token()).send()
        .json().getJsonArray("items");
    assertEquals(1, history.size());
    assertEquals("rejected", history.getJsonObject(0).getString("decision"));
    assertEquals(TestApp.MANAGER, history.getJsonObject(0).getJsonObject("decidedBy").getString("username"));
    assertEquals("基地管理员", history.getJsonObject(0).getJsonObject("decidedBy").getString("displayName"));
  }

  @Test
  @DisplayName("a partner's price change of an approved product waits for review while the approved price stays on sale")
  void revisionOfApprovedProduct() {
    var brand = catalogs.newBrand("盐池县");
    long id = create(brand.partner().token(), "V-1", 39800);
    api.post("/api/v1/products/" + id + "/approve").as(catalogs.manager()).send();

    Reply edited = api.method("PATCH", "/api/v1/products/" + id).as(brand.partner().token())
        .json(new JsonObject().put("priceFen", 45800).put("stock", 99)).send();
    assertEquals(200, edited.status(), edited::toString);
    assertEquals("approved", edited.json().getString("status"));
    assertEquals(39800, edited.json().getLong("priceFen"), "the approved price stays on sale");
    assertEquals(99, edited.json().getInteger("stock"), "stock is not selling-relevant: it applies at once");
    assertEquals(45800, edited.json().getJsonObject("pendingRevision").getLong("priceFen"));

    api.post("/api/v1/products/" + id + "/reject").as(catalogs.manager()).json(new JsonObject().put("reason", "涨价过多")).send();
    assertEquals(39800, product(id).getLong("priceFen"));
    assertEquals("approved", product(id).getString("status"), "a rejected revision does not stop the approved version");

    api.method("PATCH", "/api/v1/products/" + id).as(brand.partner().token()).json(new JsonObject().put("priceFen", 41800)).send();
    api.post("/api/v1/products/" + id + "/approve").as(catalogs.manager()).send();
    assertEquals(41800, product(id).getLong("priceFen"));
    assertNull(product(id).getValue("pendingRevision"));
    assertEquals(3, api.get("/api/v1/products/" + id + "/decisions").as(catalogs.manager()).send().json()
        .getJsonArray("items").size());
  }

  @Test
  @DisplayName("a re-upload that changes an approved product's price proposes a revision instead of changing the sale")
  void uploadChangeOfApprovedProduct() {
    var brand = catalogs.newBrand("中宁县");
    String row = "U-1,宁夏枸杞原浆,枸杞,中宁县,,,168.00,20%,10,,,\n";
    catalogs.commitCsv(brand.partner().token(), TEMPLATE_HEADER + "\n" + row);
    long id = catalogs.productsOf(brand.partner().token(), brand.brandId()).getJsonObject(0).getLong("id");
    api.post("/api/v1/products/" + id + "/approve").as(catalogs.manager()).send();

    JsonObject job = catalogs.commitCsv(brand.partner().token(), TEMPLATE_HEADER + "\n" + row.replace("168.00", "188.00"));
    JsonObject again = catalogs.commitCsv(brand.partner().token(), TEMPLATE_HEADER + "\n" + row.replace("168.00", "188.00"));

    assertEquals(1, job.getJsonObject("report").getInteger("updated"));
    assertEquals(1, again.getJsonObject("report").getInteger("unchanged"), "the same proposal again changes nothing");
    assertEquals(16800, product(id).getLong("priceFen"));
    assertEquals(18800, product(id).getJsonObject("pendingRevision").getLong("priceFen"));
  }

  @Test
  @DisplayName("managers approve several products at once")
  void bulkApprove() {
    var brand = catalogs.newBrand("盐池县");
    long one = create(brand.partner().token(), "B-1", 100);
    long two = create(brand.partner().token(), "B-2", 200);

    Reply reply = api.post("/api/v1/reviews/products/bulk-approve").as(catalogs.manager())
        .json(new JsonObject().put("productIds", new JsonArray().add(one).add(two))).send();
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("approved", product(one).getString("status"));
    assertEquals("approved", product(two).getString("status"));
    assertProblem(api.post("/api/v1/reviews/products/bulk-approve").as(catalogs.manager())
        .json(new JsonObject().put("productIds", new JsonArray().add(one))).send(), 422, "nothing-to-review");
  }
}
