package cn.redlive.selection;

import java.time.Clock;
import cn.redlive.account.AccountService;
import cn.redlive.brand.Brands;
import cn.redlive.product.Products;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import io.vertx.sqlclient.Pool;

/** Streamers' selection lists of approved products for their next sessions. */
public final class SelectionFeature implements Feature {

  private final SelectionLists lists;

  public SelectionFeature(Pool pool, Products products, Brands brands, AccountService accounts, Clock clock) {
    this.lists = new SelectionLists(new SelectionRepository(pool), products, brands, accounts, clock);
  }

  public SelectionLists lists() {
    return lists;
  }

  @Override
  public void register(ApiRoutes api) {
    new SelectionRoutes(lists).register(api);
  }
}
