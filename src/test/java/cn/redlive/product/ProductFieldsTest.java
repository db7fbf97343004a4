package cn.redlive.product;

import cn.redlive.core.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Every product obeys the same rules, whether typed in or uploaded")
class ProductFieldsTest {

  @Test
  @DisplayName("a SKU holds letters, digits and . _ / - only")
  void skuCharacters() {
    assertEquals(List.of(), problemsOf(withSku("GQ-2024/a_b.1")));
    assertEquals(List.of("sku"), problemsOf(withSku("枸杞01")));
    assertEquals(List.of("sku"), problemsOf(withSku("GQ 01")));
    assertEquals(List.of("sku"), problemsOf(withSku("GQ#1")));
  }

  @Test
  @DisplayName("an image is an http or https address without spaces")
  void imageUrls() {
    assertEquals(List.of(), problemsOf(withImages("https://img.example.cn/goji/1.jpg", "http://a")));
    assertEquals(List.of("imageUrls"), problemsOf(withImages("ftp://img.example.cn/1.jpg")));
    assertEquals(List.of("imageUrls"), problemsOf(withImages("https://")));
    assertEquals(List.of("imageUrls"), problemsOf(withImages("https://img.example.cn/a b.jpg")));
    assertEquals(List.of("imageUrls"), problemsOf(withImages("img.example.cn/1.jpg")));
  }

  private static List<String> problemsOf(ProductFields fields) {
    return fields.problems().stream().map(Problem.FieldError::field).toList();
  }

  private static ProductFields withSku(String sku) {
    return new ProductFields(sku, "宁夏枸杞原浆", "枸杞", "中宁县", null, null, 16800, 2000, 10, List.of(), null, List.of());
  }

  private static ProductFields withImages(String... urls) {
    return new ProductFields("GQ-1", "宁夏枸杞原浆", "枸杞", "中宁县", null, null, 16800, 2000, 10, List.of(urls), null, List.of());
  }
}
