package cn.redlive.catalog;

import java.util.List;

/** A column of our catalog template: its Chinese header (as the downloadable template has it) and accepted aliases. */
enum Field {
  SKU("SKU编码", true, "sku", "skucode", "sku编码", "商品编码", "商品编号", "货号", "编码", "商家编码", "variantsku"),
  NAME("商品名称", true, "name", "productname", "title", "商品名称", "名称", "品名", "商品名", "产品名称"),
  CATEGORY("类目", true, "category", "type", "producttype", "类目", "分类", "品类", "商品类目"),
  ORIGIN("产地", false, "origin", "产地", "原产地", "产区"),
  SPEC("规格", false, "spec", "specification", "规格", "规格型号"),
  WEIGHT("重量(克)", false, "weight", "weightg", "grams", "重量", "净重", "重量克"),
  PRICE("售价(元)", true, "price", "售价", "价格", "单价", "零售价", "直播价", "售价元"),
  COMMISSION("佣金比例(%)", true, "commission", "commissionrate", "佣金", "佣金比例", "佣金率"),
  STOCK("库存", false, "stock", "inventory", "qty", "quantity", "库存", "库存数量"),
  IMAGES("图片链接", false, "images", "imageurls", "image", "imageurl", "图片", "图片链接", "主图", "图片地址"),
  DESCRIPTION("商品描述", false, "description", "描述", "商品描述", "详情", "商品详情"),
  CERTIFICATIONS("认证", false, "certifications", "certification", "认证", "资质认证", "认证信息");

  final String templateHeader;
  final boolean required;
  final List<String> aliases;

  Field(String templateHeader, boolean required, String... aliases) {
    this.templateHeader = templateHeader;
    this.required = required;
    this.aliases = List.of(aliases);
  }
}
