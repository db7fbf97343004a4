package cn.redlive.product;

import cn.redlive.account.AccountService;
import cn.redlive.brand.Brands;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

/** Products of the brands and their review before sale. */
public final class ProductFeature implements Feature {

  private final Products products;

  public ProductFeature(Pool pool, Brands brands, AccountService accounts) {
    this.products = new Products(new ProductRepository(pool), brands, accounts);
  }

  public Products products() {
    return products;
  }

  @Override
  public void register(ApiRoutes api) {
    new ProductRoutes(products).register(api);
  }
}
