package cn.redlive.target;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.order;
import static cn.redlive.support.SalesKit.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Targets, growth and enterprises")
class TargetsTest {

  private final Api api = TestApp.shared().api();
  private final SalesKit sales = new SalesKit(api);

  @Test
  @DisplayName("growth against an empty previous period is shown as new, never divided by zero")
  void growthFromNothingIsNew() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2024-06-10 10:00", streamer, product, "88.00")));

    JsonObject row = rowOf(sales.get("/api/v1/reports/rankings?by=growth&from=2024-06-01&to=2024-06-30"),
        "streamerId", streamer.streamerId());

    JsonObject growth = row.getJsonObject("growth");
    assertTrue(growth.getBoolean("new"));
    assertNull(growth.getInteger("growthBp"));
    assertEquals(0, growth.getLong("previousFen"));
    JsonObject nothing = rowOf(sales.get("/api/v1/reports/rankings?by=growth&from=2024-01-01&to=2024-01-31"),
        "streamerId", streamer.streamerId());
    assertFalse(nothing.getJsonObject("growth").getBoolean("new"), "nothing before and nothing now is not new");
  }

  @Test
  @DisplayName("target attainment is net GMV over the target; a growth target implies one from the basis month")
  void targetAttainment() {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2024-06-05 10:00", streamer, product, "150.00"),
        order(LiveKit.uniqueId("o"), "2024-07-05 10:00", streamer, product, "180.00")));

    JsonObject june = setTarget(new JsonObject().put("scope", "streamer").put("scopeId", streamer.streamerId())
        .put("month", "2024-06").put("gmvFen", 20000));
    JsonObject july = setTarget(new JsonObject().put("scope", "streamer").put("scopeId", streamer.streamerId())
        .put("month", "2024-07").put("growthBp", 2000).put("growthBasis", "previous_month"));

    assertEquals(15000, june.getLong("actualFen"));
    assertEquals(7500, june.getInteger("attainmentBp"));
    assertTrue(june.getBoolean("behind"));
    assertEquals(18000, july.getLong("targetFen"), "150 yuan grown by 20%");
    assertEquals(10000, july.getInteger("attainmentBp"));
    assertEquals(2000, july.getJsonObject("growth").getInteger("growthBp"));
    assertTrue(july.getBoolean("growthMet"));
    assertFalse(july.getBoolean("behind"));
    JsonObject behindInJune = sales.get("/api/v1/reports/behind-target?month=2024-06");
    assertTrue(behindInJune.getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(t -> Long.valueOf(streamer.streamerId()).equals(t.getLong("scopeId"))));
    JsonObject ranked = rowOf(sales.get("/api/v1/reports/rankings?by=attainment&from=2024-06-01&to=2024-06-30"),
        "streamerId", streamer.streamerId());
    assertEquals(7500, ranked.getInteger("attainmentBp"));
  }

  @Test
  @DisplayName("a target for an unknown streamer is 404, and a growth target needs its basis")
  void targetValidation() {
    Reply unknown = api.put("/api/v1/targets").as(sales.manager()).json(new JsonObject().put("scope", "streamer")
        .put("scopeId", 999_999_999L).put("month", "2024-06").put("gmvFen", 1)).send();
    Reply noBasis = api.put("/api/v1/targets").as(sales.manager()).json(new JsonObject().put("scope", "base")
        .put("month", "2024-06").put("growthBp", 2000)).send();

    assertEquals(404, unknown.status(), unknown::toString);
    assertEquals(400, noBasis.status(), noBasis::toString);
  }

  @Test
  @DisplayName("a resident enterprise shows the end of its one-year incubation and of its three rent-free months")
  void incubationDates() {
    Reply created = api.post("/api/v1/enterprises").as(sales.manager()).json(new JsonObject()
        .put("name", TestApp.uniqueName("宁夏企业")).put("incubationStart", "2026-01-15")
        .put("equipmentDepositFen", 500000).put("mentor", "王老师")).send();

    assertEquals(201, created.status(), created::toString);
    JsonObject enterprise = created.json();
    assertTrue(enterprise.getBoolean("resident"));
    assertEquals("2027-01-14", enterprise.getString("incubationEnd"));
    assertEquals("2026-04-14", enterprise.getString("rentFreeEnd"));
    assertEquals(500000, enterprise.getLong("equipmentDepositFen"));
    assertNotNull(enterprise.getString("incubationState"));
  }

  @Test
  @DisplayName("a brand is linked to its enterprise, whose sales growth the base's goals track")
  void brandsBelongToEnterprises() {
    SalesKit.Product product = sales.product();
    String name = TestApp.uniqueName("入驻企业");
    long enterprise = api.post("/api/v1/enterprises").as(sales.manager()).json(new JsonObject().put("name", name)
        .put("incubationStart", "2025-01-01")).send().json().getLong("id");

    Reply linked = api.put("/api/v1/enterprises/" + enterprise + "/brands/" + product.brand().brandId()).as(sales.manager()).send();
    JsonObject goals = sales.get("/api/v1/goals");

    assertEquals(204, linked.status(), linked::toString);
    assertEquals(product.brand().brandId(), sales.get("/api/v1/enterprises/" + enterprise).getJsonArray("brands")
        .getJsonObject(0).getLong("id"));
    assertEquals(4, goals.getJsonArray("goals").size());
    assertTrue(goals.getJsonArray("enterprises").stream().map(JsonObject.class::cast)
        .anyMatch(e -> e.getLong("id") == enterprise));
  }

  private JsonObject setTarget(JsonObject body) {
    Reply reply = api.put("/api/v1/targets").as(sales.manager()).json(body).send();
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }
}
