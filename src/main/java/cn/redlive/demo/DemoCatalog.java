package cn.redlive.demo;

import cn.redlive.brand.BrandFields;
import cn.redlive.brand.Brands;
import cn.redlive.product.ProductBatchRepository;
import cn.redlive.product.ProductFields;
import cn.redlive.product.Products;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo brand library: 20 Ningxia brands with 201 products, most approved (with a decision by
 * manager.ma), the last product of each brand still waiting in the review queue. The demo partners
 * brand.qiyuan, brand.yanchi and brand.helan speak for the first three brands.
 */
final class DemoCatalog {

  record DemoBrand(String name, String enterprise, String origin, String category, String skuPrefix, String cert,
                   List<String> goods, List<String> specs, long basePriceFen, int commissionBp) {
  }

  static final Map<String, String> PARTNERS = Map.of(
      "brand.qiyuan", "杞源枸杞", "brand.yanchi", "盐池滩羊", "brand.helan", "贺兰山东麓酒庄");

  static final List<DemoBrand> BRANDS = List.of(
      new DemoBrand("杞源枸杞", "宁夏杞源枸杞科技有限公司", "中宁县", "枸杞", "QY", "地理标志产品",
          List.of("宁夏枸杞原浆", "头茬特级红枸杞", "黑枸杞", "枸杞芽茶", "枸杞干果礼盒"), List.of("30ml×10袋", "500g"), 6800, 2000),
      new DemoBrand("盐池滩羊", "盐池县滩羊产业发展集团", "盐池县", "滩羊肉", "YC", "地理标志产品",
          List.of("盐池滩羊羊排", "滩羊后腿", "滩羊羊肉卷", "手抓羊肉", "滩羊羊蝎子"), List.of("1kg", "2.5kg礼盒"), 12800, 1500),
      new DemoBrand("贺兰山东麓酒庄", "宁夏贺兰山东麓葡萄酒酒庄联盟", "永宁县", "葡萄酒", "HL", "贺兰山东麓葡萄酒产区认证",
          List.of("赤霞珠干红葡萄酒", "霞多丽干白葡萄酒", "蛇龙珠干红", "美乐桃红葡萄酒", "贵人香甜白"), List.of("750ml", "750ml×6支"), 16800, 2500),
      new DemoBrand("百瑞源", "宁夏百瑞源枸杞股份有限公司", "银川市", "枸杞", "BRY", "有机认证",
          List.of("有机枸杞", "枸杞原浆", "枸杞蜂蜜", "枸杞子"), List.of("250g", "500g", "礼盒装"), 5800, 1800),
      new DemoBrand("早康枸杞", "宁夏早康枸杞股份有限公司", "中宁县", "枸杞", "ZK", "绿色食品",
          List.of("枸杞原浆", "枸杞鲜果冻干", "枸杞酵素", "枸杞芽茶"), List.of("50ml×7袋", "300g", "礼盒装"), 7900, 2200),
      new DemoBrand("西夏王", "宁夏西夏王酒业有限公司", "西夏区", "葡萄酒", "XXW", "贺兰山东麓葡萄酒产区认证",
          List.of("西夏王干红", "西夏王冰酒", "西夏王白兰地", "西夏王桃红"), List.of("750ml", "375ml", "双支礼盒"), 9800, 2000),
      new DemoBrand("塞上八宝茶", "宁夏回族八宝茶食品有限公司", "吴忠市", "八宝茶", "BBC", "清真认证",
          List.of("回族八宝茶", "枸杞菊花茶", "冰糖桂圆八宝茶", "玫瑰八宝茶"), List.of("12包", "30包", "礼盒装"), 3900, 2500),
      new DemoBrand("中卫硒砂瓜", "中卫市硒砂瓜产业协会", "中卫市", "硒砂瓜", "XSG", "地理标志产品",
          List.of("中卫硒砂瓜", "富硒西瓜", "压砂甜瓜"), List.of("单果约8斤", "两果装", "四果装"), 4900, 1200),
      new DemoBrand("灵武长枣", "灵武市长枣产业合作社", "灵武市", "红枣", "LWZ", "地理标志产品",
          List.of("灵武长枣鲜枣", "灵武长枣干枣", "枣夹核桃"), List.of("1kg", "2.5kg", "礼盒装"), 3600, 1500),
      new DemoBrand("同心红枣", "同心县圆枣专业合作社", "同心县", "红枣", "TX", "绿色食品",
          List.of("同心圆枣", "红枣片", "枣花蜜"), List.of("500g", "1kg", "礼盒装"), 2900, 1500),
      new DemoBrand("固原小米", "固原市六盘山杂粮有限公司", "原州区", "小米", "GY", "有机认证",
          List.of("六盘山黄小米", "富硒小米", "荞麦米", "固原胡麻油"), List.of("2.5kg", "5kg", "礼盒装"), 3900, 1000),
      new DemoBrand("西吉马铃薯", "西吉县马铃薯产业集团", "西吉县", "马铃薯", "XJ", "地理标志产品",
          List.of("西吉马铃薯", "马铃薯粉条", "洋芋粉"), List.of("5kg", "10kg", "2.5kg"), 2500, 1000),
      new DemoBrand("六盘山牛肉", "宁夏六盘山肉牛产业有限公司", "泾源县", "牛肉", "LPS", "清真认证",
          List.of("泾源黄牛肉", "牛腱子", "风干牛肉", "手撕牛肉干"), List.of("1kg", "2kg礼盒", "250g"), 11800, 1500),
      new DemoBrand("夏华清真", "宁夏夏华肌氨酸清真食品有限公司", "中宁县", "牛肉", "XH", "清真认证",
          List.of("清真酱牛肉", "清真牛排", "清真羊肉串"), List.of("500g", "1kg", "礼盒装"), 8800, 1500),
      new DemoBrand("沙湖大米", "宁夏沙湖农业有限公司", "平罗县", "大米", "SH", "绿色食品",
          List.of("沙湖珍珠米", "塞上江南大米", "黄河鲤鱼"), List.of("5kg", "10kg", "礼盒装"), 4500, 1000),
      new DemoBrand("贺兰山牧场", "宁夏贺兰山牧场乳业有限公司", "贺兰县", "乳制品", "HLS", "有机认证",
          List.of("有机纯牛奶", "羊奶粉", "奶片"), List.of("250ml×12盒", "400g", "100g"), 5900, 1800),
      new DemoBrand("宁夏黄河鲤鱼", "宁夏黄河渔业合作社", "青铜峡市", "水产", "HHL", "绿色食品",
          List.of("黄河鲤鱼", "鲜活草鱼", "稻田蟹"), List.of("约2斤", "约3斤", "礼盒装"), 6800, 1200),
      new DemoBrand("盐池甘草", "盐池县甘草产业有限公司", "盐池县", "甘草", "GC", "地理标志产品",
          List.of("盐池甘草片", "甘草茶", "黄芪"), List.of("250g", "500g", "礼盒装"), 4200, 2000),
      new DemoBrand("宁夏菜心", "宁夏供港蔬菜合作社", "永宁县", "蔬菜", "CX", "绿色食品",
          List.of("供港菜心", "冷凉蔬菜礼盒", "宁夏番茄"), List.of("2kg", "5kg", "3kg"), 3200, 1200),
      new DemoBrand("红寺堡葡萄", "红寺堡区葡萄产业联合会", "红寺堡区", "葡萄酒", "HSB", "贺兰山东麓葡萄酒产区认证",
          List.of("红寺堡干红", "红寺堡鲜食葡萄", "葡萄籽油"), List.of("750ml", "2kg", "250ml"), 8800, 2000));

  private DemoCatalog() {
  }

  static Future<Void> load(Pool pool, Brands brands, Products products) {
    ProductBatchRepository writer = new ProductBatchRepository(pool);
    DemoRepository repository = new DemoRepository(pool);
    return repository.accountId("manager.ma").compose(managerId -> {
      Future<Void> chain = Future.succeededFuture();
      for (DemoBrand brand : BRANDS) {
        chain = chain.compose(v -> brands.create(new BrandFields(brand.name(), brand.enterprise(), brand.origin(),
                List.of(brand.cert()), "联系人", "0951-" + (5000000 + brand.skuPrefix().hashCode() % 1000000)))
            .compose(created -> writer.upsert(created.id(), managerId, productsOf(brand))
                .compose(outcome -> repository.productIdsOfBrand(created.id()))
                .compose(ids -> {
                  // the newest product of each brand stays in the review queue
                  return products.approveAll(ids.subList(0, ids.size() - 1), managerId);
                })
                .compose(v2 -> linkPartner(repository, brands, brand.name(), created.id()))));
      }
      return chain;
    });
  }

  private static List<ProductFields> productsOf(DemoBrand brand) {
    List<ProductFields> list = new ArrayList<>();
    int n = 0;
    for (String good : brand.goods()) {
      for (String spec : brand.specs()) {
        n++;
        long price = brand.basePriceFen() + (n % 4) * 2000L + (spec.contains("礼盒") ? 6000 : 0);
        list.add(new ProductFields(brand.skuPrefix() + "-" + String.format("%03d", n), good + " " + spec, brand.category(),
            brand.origin(), spec, null, price, brand.commissionBp() + (n % 3) * 100, 50 + n * 17,
            List.of("https://img.redlive.cn/demo/" + brand.skuPrefix().toLowerCase() + "-" + n + ".jpg"),
            "宁夏" + brand.origin() + "出品，" + good + "，" + brand.cert() + "。", List.of(brand.cert())));
      }
    }
    return list;
  }

  private static Future<Void> linkPartner(DemoRepository repository, Brands brands, String brandName, long brandId) {
    return PARTNERS.entrySet().stream().filter(e -> e.getValue().equals(brandName)).findFirst()
        .map(e -> repository.accountId(e.getKey()).compose(account -> brands.link(account, brandId)))
        .orElse(Future.succeededFuture());
  }
}
