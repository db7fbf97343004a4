package cn.redlive.brand;

import cn.redlive.account.AccountService;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

/** The brand library and which partner account speaks for which brand. */
public final class BrandFeature implements Feature {

  private final Brands brands;

  public BrandFeature(Pool pool, AccountService accounts) {
    this.brands = new Brands(new BrandRepository(pool), accounts);
  }

  public Brands brands() {
    return brands;
  }

  @Override
  public void register(ApiRoutes api) {
    new BrandRoutes(brands).register(api);
  }
}
