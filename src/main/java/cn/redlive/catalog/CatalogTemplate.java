package cn.redlive.catalog;

import java.util.Arrays;
import java.util.List;

/** The downloadable catalog template: Chinese headers in our column order and two example rows. */
final class CatalogTemplate {

  private CatalogTemplate() {
  }

  static String csv() {
    return new SafeCsv()
        .row(Arrays.stream(Field.values()).map(f -> f.templateHeader).toList())
        .row(List.of("GQ-YJ-500", "宁夏枸杞原浆 30ml×10袋", "枸杞", "中宁县", "30ml×10袋", "350", "¥168.00", "20%", "500",
            "https://img.example.cn/goji-1.jpg", "中宁头茬鲜果榨取，无添加", "地理标志产品;有机认证"))
        .row(List.of("TY-YC-2500", "盐池滩羊羊排 2.5kg", "滩羊肉", "盐池县", "2.5kg/箱", "2500", "398", "15", "120",
            "", "盐池滩羊，冷链直发", "地理标志产品"))
        .toString();
  }
}
