package cn.redlive.product;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The product library is searched by Chinese substrings and filters")
class ProductSearchTest {

  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  private List<String> skus(String token, String query) {
    Reply page = api.get("/api/v1/products?" + query).as(token).send();
    assertEquals(200, page.status(), page::toString);
    return page.json().getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("sku")).toList();
  }

  @Test
  @DisplayName("枸杞 finds 宁夏枸杞原浆; price, commission, origin and sorting narrow and order the list")
  void searchAndFilter() {
    var brand = catalogs.newBrand("中宁县");
    catalogs.commitCsv(brand.partner().token(), TEMPLATE_HEADER + "\n"
        + "S-1,宁夏枸杞原浆,枸杞,中宁县,,,168,20%,1,,,\n"
        + "S-2,黑枸杞 礼盒,枸杞,中宁县,,,298,25%,1,,,\n"
        + "S-3,八宝茶,八宝茶,吴忠市,,,39,30%,1,,,\n");
    String token = brand.partner().token();
    String mine = "brandId=" + brand.brandId();

    assertEquals(List.of("S-2", "S-1"), skus(token, mine + "&q=" + enc("枸杞") + "&sort=-price"));
    assertEquals(List.of("S-1"), skus(token, mine + "&q=" + enc("枸杞原") + "&sort=price"));
    assertEquals(List.of("S-3", "S-1"), skus(token, mine + "&maxPriceFen=20000&sort=price"));
    assertEquals(List.of("S-3", "S-2"), skus(token, mine + "&minCommissionBp=2500&sort=-commission"));
    assertEquals(List.of("S-3"), skus(token, mine + "&origin=" + enc("吴忠")));
    assertEquals(List.of("S-3"), skus(token, mine + "&category=" + enc("八宝茶")));
    assertEquals(List.of(), skus(token, mine + "&status=approved"));
    assertEquals(1, api.get("/api/v1/products?" + mine + "&size=1&page=2&sort=name").as(token).send()
        .json().getJsonArray("items").size());
    assertEquals(3, api.get("/api/v1/products?" + mine + "&size=1").as(token).send().json().getLong("total"));
  }

  @Test
  @DisplayName("a name search treats _ as a plain character, not a wildcard")
  void wildcardsAreLiteral() {
    var brand = catalogs.newBrand("中宁县");
    catalogs.commitCsv(brand.partner().token(), TEMPLATE_HEADER + "\nW-1,枸杞_原浆,枸杞,中宁县,,,1,1%,1,,,\n"
        + "W-2,枸杞鲜果,枸杞,中宁县,,,1,1%,1,,,\n");
    assertEquals(List.of("W-1"), skus(brand.partner().token(), "brandId=" + brand.brandId() + "&q=" + enc("杞_")));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
