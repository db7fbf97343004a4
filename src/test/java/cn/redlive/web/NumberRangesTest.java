package cn.redlive.web;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A number past its declared range is refused, never stored wrapped")
class NumberRangesTest {

  private final Api api = TestApp.shared().api();

  @ParameterizedTest(name = "a product with {0} = {1} answers 400 naming {0}")
  @CsvSource({
      "priceFen,    18446744073709551716",   // 2^64 + 100: once stored as 100
      "stock,       4294967297",             // 2^32 + 1: once stored as 1
      "weightGrams, 4294967296",             // 2^32: once stored as 0
  })
  void productNumberPastItsRange(String field, String value) {
    Map<String, String> numbers = new TreeMap<>(Map.of("priceFen", "100", "stock", "1", "weightGrams", "1"));
    numbers.put(field, value);
    assertRefused(createProduct(numbers.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", "))), field);
  }

  @Test
  @DisplayName("money just past the documented maximum of 10^12 fen is refused, the maximum itself is not")
  void moneyMaximum() {
    assertRefused(api.get("/api/v1/products?maxPriceFen=1000000000001").as(api.managerToken()).send(), "maxPriceFen");
    assertEquals(200, api.get("/api/v1/products?maxPriceFen=1000000000000").as(api.managerToken()).send().status());
  }

  @Test
  @DisplayName("an enterprise's equipment deposit of 2^64+7 fen answers 400 naming equipmentDepositFen")
  void hugeDeposit() {
    Reply reply = api.post("/api/v1/enterprises").as(api.managerToken()).raw("application/json",
        "{\"name\": \"" + TestApp.uniqueName("企业") + "\", \"equipmentDepositFen\": 18446744073709551623}").send();
    assertRefused(reply, "equipmentDepositFen");
  }

  @Test
  @DisplayName("a target's GMV of 2^64+9 fen answers 400 naming gmvFen")
  void hugeTarget() {
    Reply reply = api.put("/api/v1/targets").as(api.managerToken()).raw("application/json",
        "{\"scope\": \"base\", \"month\": \"2026-05\", \"gmvFen\": 18446744073709551625}").send();
    assertRefused(reply, "gmvFen");
  }

  @Test
  @DisplayName("a path id past the 64-bit range answers 400 naming it")
  void hugePathId() {
    assertRefused(api.get("/api/v1/products/18446744073709551617").as(api.managerToken()).send(), "productId");
  }

  @Test
  @DisplayName("the server refuses a contract with a number a client sends but no declared range")
  void unboundedContractRefused() {
    JsonObject contract = new JsonObject().put("paths", new JsonObject().put("/things", new JsonObject()
        .put("post", new JsonObject().put("operationId", "createThing").put("requestBody", new JsonObject()
            .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", new JsonObject()
                .put("type", "object").put("properties", new JsonObject()
                    .put("count", new JsonObject().put("type", "integer").put("minimum", 0))
                    .put("size", new JsonObject().put("type", "integer").put("minimum", 0).put("maximum", 9))))))))));

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ContractRanges.requireBounds(contract));
    assertTrue(refused.getMessage().contains("createThing body.count"), refused.getMessage());
    assertTrue(!refused.getMessage().contains("body.size"), refused.getMessage());
  }

  private Reply createProduct(String numbers) {
    return api.post("/api/v1/products").as(api.managerToken()).raw("application/json",
        "{\"brandId\": 1, \"sku\": \"BIG-1\", \"name\": \"枸杞原浆\", \"category\": \"枸杞\", \"origin\": \"中宁县\","
            + " \"commissionBp\": 100, " + numbers + "}").send();
  }

  private static void assertRefused(Reply reply, String field) {
    assertProblem(reply, 400, "validation");
    List<String> fields = reply.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList();
    assertTrue(fields.stream().anyMatch(f -> f.equals(field) || f.endsWith("." + field)), () -> "fields of " + reply);
  }
}
