package cn.redlive.brand;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Which partner account speaks for which brand")
class BrandMembersTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  @Test
  @DisplayName("only an existing brand-partner account is linked to a brand, and only to one that exists")
  void onlyPartnersAreLinked() {
    long brandId = catalogs.newBrand("宁夏").brandId();
    Api.NewUser streamer = api.newUser("streamer");
    String members = "/api/v1/brands/" + brandId + "/members/";
    assertProblem(api.put(members + streamer.id()).as(catalogs.manager()).send(), 422, "not-a-brand-partner");
    assertProblem(api.put(members + 999_999_999L).as(catalogs.manager()).send(), 422, "not-a-brand-partner");
    Api.NewUser partner = api.newUser("brand_partner");
    assertProblem(api.put("/api/v1/brands/999999999/members/" + partner.id()).as(catalogs.manager()).send(), 404, "not-found");
  }

  @Test
  @DisplayName("linking a partner again moves them to the other brand: they see that one alone")
  void relinkMovesThePartner() {
    var first = catalogs.newBrand("宁夏");
    long second = catalogs.newBrand("甘肃").brandId();
    Reply moved = api.put("/api/v1/brands/" + second + "/members/" + first.partner().id()).as(catalogs.manager()).send();
    assertEquals(204, moved.status(), moved::toString);
    JsonArray seen = api.get("/api/v1/brands").as(first.partner().token()).send().json().getJsonArray("items");
    assertEquals(1, seen.size());
    assertEquals(second, seen.getJsonObject(0).getLong("id"));
  }
}
