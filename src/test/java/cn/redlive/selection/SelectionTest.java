package cn.redlive.selection;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Streamers pick approved products for their next session (选品)")
class SelectionTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  private long product(String partnerToken, String sku, boolean approve) {
    long id = catalogs.newProduct(partnerToken, sku, "贺兰山东麓赤霞珠", "葡萄酒", 16800);
    if (approve) api.post("/api/v1/products/" + id + "/approve").as(catalogs.manager()).send();
    return id;
  }

  private long newList(String streamerToken) {
    return newList(streamerToken, LocalDate.now().plusDays(3));
  }

  private long newList(String streamerToken, LocalDate plannedDate) {
    Reply list = api.post("/api/v1/selection-lists").as(streamerToken).json(new JsonObject()
        .put("title", "周五晚场 · 贺兰山葡萄酒专场").put("plannedDate", plannedDate.toString())).send();
    assertEquals(201, list.status(), list::toString);
    return list.json().getLong("id");
  }

  @Test
  @DisplayName("only approved products can be selected, and only by the list's streamer")
  void onlyApprovedProducts() {
    var brand = catalogs.newBrand("永宁县");
    long approved = product(brand.partner().token(), "SEL-1", true);
    long pending = product(brand.partner().token(), "SEL-2", false);
    var streamer = api.newUser("streamer");
    long list = newList(streamer.token());

    Reply added = api.put("/api/v1/selection-lists/" + list + "/items/" + approved).as(streamer.token())
        .json(new JsonObject().put("note", "主推")).send();
    assertEquals(200, added.status(), added::toString);
    assertEquals(approved, added.json().getJsonArray("items").getJsonObject(0).getLong("productId"));
    assertProblem(api.put("/api/v1/selection-lists/" + list + "/items/" + pending).as(streamer.token()).send(),
        422, "product-not-approved");
    String other = api.newUser("streamer").token();
    assertProblem(api.put("/api/v1/selection-lists/" + list + "/items/" + approved).as(other).send(), 404, "not-found");
    assertProblem(api.get("/api/v1/selection-lists/" + list).as(other).send(), 404, "not-found");
    Reply seen = api.get("/api/v1/selection-lists/" + list).as(catalogs.manager()).send();
    assertEquals(200, seen.status());
    assertEquals("测试streamer", seen.json().getString("streamerName"));
    JsonArray lists = api.get("/api/v1/selection-lists?streamerId=" + streamer.id()).as(catalogs.manager()).send()
        .json().getJsonArray("items");
    assertEquals(list, lists.getJsonObject(0).getLong("id"));
    assertEquals("测试streamer", lists.getJsonObject(0).getString("streamerName"));

    Reply removed = api.delete("/api/v1/selection-lists/" + list + "/items/" + approved).as(streamer.token()).send();
    assertEquals(0, removed.json().getJsonArray("items").size());
  }

  @Test
  @DisplayName("a list is for an upcoming session, not a past one")
  void plannedDateInThePast() {
    String streamer = api.newUser("streamer").token();
    assertProblem(api.post("/api/v1/selection-lists").as(streamer).json(new JsonObject().put("title", "昨天")
        .put("plannedDate", LocalDate.now().minusDays(2).toString())).send(), 422, "planned-date-past");
  }

  @Test
  @DisplayName("managers see the most selected products; partners see which of their own were selected")
  void mostSelected() {
    var brand = catalogs.newBrand("永宁县");
    var rival = catalogs.newBrand("青铜峡市");
    long popular = product(brand.partner().token(), "POP-1", true);
    long rivals = product(rival.partner().token(), "RIV-1", true);
    for (int i = 0; i < 3; i++) {
      String streamer = api.newUser("streamer").token();
      long list = newList(streamer);
      api.put("/api/v1/selection-lists/" + list + "/items/" + popular).as(streamer).send();
      if (i == 0) api.put("/api/v1/selection-lists/" + list + "/items/" + rivals).as(streamer).send();
    }

    JsonArray overall = api.get("/api/v1/selection/products?limit=200").as(catalogs.manager()).send().json().getJsonArray("items");
    JsonObject top = overall.stream().map(JsonObject.class::cast).filter(p -> p.getLong("productId") == popular).findFirst().orElseThrow();
    assertEquals(3, top.getLong("lists"));
    assertEquals(3, top.getLong("streamers"));

    JsonArray mine = api.get("/api/v1/selection/products").as(brand.partner().token()).send().json().getJsonArray("items");
    assertEquals(1, mine.size());
    assertEquals(popular, mine.getJsonObject(0).getLong("productId"));
    assertTrue(api.get("/api/v1/selection/products").as(rival.partner().token()).send().json().getJsonArray("items")
        .stream().noneMatch(p -> ((JsonObject) p).getLong("productId") == popular));
  }

  @Test
  @DisplayName("the most selected products of a period count only the lists for sessions planned within it")
  void mostSelectedInAPeriod() {
    var brand = catalogs.newBrand("贺兰县");
    long soon = product(brand.partner().token(), "SOON-1", true);
    long later = product(brand.partner().token(), "LATER-1", true);
    LocalDate today = LocalDate.now(), nextWeek = today.plusDays(7), inSixWeeks = today.plusDays(42);
    String streamer = api.newUser("streamer").token();
    api.put("/api/v1/selection-lists/" + newList(streamer, today.plusDays(2)) + "/items/" + soon).as(streamer).send();
    for (int i = 0; i < 2; i++) {
      api.put("/api/v1/selection-lists/" + newList(streamer, inSixWeeks) + "/items/" + later).as(streamer).send();
    }

    assertEquals(java.util.List.of(later, soon), selectedOf(brand.partner().token(), ""));
    assertEquals(java.util.List.of(soon), selectedOf(brand.partner().token(), "&from=" + today + "&to=" + nextWeek));
    assertEquals(java.util.List.of(later), selectedOf(catalogs.manager(), "&from=" + nextWeek).stream()
        .filter(id -> id == soon || id == later).toList());
    Reply backwards = api.get("/api/v1/selection/products?from=" + nextWeek + "&to=" + today).as(catalogs.manager()).send();
    assertEquals(400, backwards.status(), backwards::toString);
    assertEquals("to", backwards.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  private java.util.List<Long> selectedOf(String token, String period) {
    Reply reply = api.get("/api/v1/selection/products?limit=200" + period).as(token).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("items").stream().map(p -> ((JsonObject) p).getLong("productId")).toList();
  }
}
