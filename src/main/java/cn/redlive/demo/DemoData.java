package cn.redlive.demo;

import cn.redlive.account.AccountService;
import cn.redlive.account.NewAccount;
import cn.redlive.brand.Brands;
import cn.redlive.product.Products;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The --demo switch: a small, plausible data set of the Yinchuan base, loaded once (each set is recorded in
 * demo_loads). Demo accounts share one well-known password; never use --demo on a production database.
 */
public final class DemoData {

  public static final String PASSWORD = "redlive-demo-2026";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  static final List<NewAccount> ACCOUNTS = List.of(
      new NewAccount("manager.ma", "马建国", Role.MANAGER),
      new NewAccount("manager.li", "李慧敏", Role.MANAGER),
      new NewAccount("streamer.wang", "王小燕", Role.STREAMER),
      new NewAccount("streamer.zhang", "张海龙", Role.STREAMER),
      new NewAccount("streamer.liu", "刘静", Role.STREAMER),
      new NewAccount("streamer.hai", "海燕", Role.STREAMER),
      new NewAccount("streamer.na", "纳文博", Role.STREAMER),
      new NewAccount("streamer.yang", "杨春花", Role.STREAMER),
      new NewAccount("brand.qiyuan", "杞源枸杞 · 周经理", Role.BRAND_PARTNER),
      new NewAccount("brand.yanchi", "盐池滩羊 · 丁经理", Role.BRAND_PARTNER),
      new NewAccount("brand.helan", "贺兰山东麓酒庄 · 郭经理", Role.BRAND_PARTNER),
      new NewAccount("ingest.live", "直播数据接入服务", Role.INGEST));

  private DemoData() {
  }

  public static Future<Void> load(Pool pool, AccountService accounts, Brands brands, Products products) {
    return loadAccounts(pool, accounts)
        .compose(v -> loadOnce(pool, "catalog-v1", () -> DemoCatalog.load(pool, brands, products)));
  }

  private static Future<Void> loadAccounts(Pool pool, AccountService accounts) {
    return loadOnce(pool, "accounts-v1", () -> {
      // at once: each password hash is a slow PBKDF2 on a worker thread, so the cores share them
      List<Future<?>> created = ACCOUNTS.stream().<Future<?>>map(a -> accounts.createIfAbsent(a, PASSWORD, false)).toList();
      return Future.all(created).<Void>mapEmpty().onSuccess(v -> {
        System.out.println();
        System.out.println("Demo accounts loaded (password for all: " + PASSWORD + "):");
        ACCOUNTS.forEach(a -> System.out.println("  " + a.role().code() + "\t" + a.username() + "\t" + a.displayName()));
        System.out.println();
      });
    });
  }

  /** Runs {@code loader} unless the named set was loaded before; records it afterwards. */
  static Future<Void> loadOnce(Pool pool, String name, java.util.function.Supplier<Future<Void>> loader) {
    DemoRepository repository = new DemoRepository(pool);
    return repository.loaded(name).compose(loaded -> {
      if (loaded) return Future.succeededFuture();
      log.info("loading demo data set {}", name);
      return loader.get().compose(v -> repository.markLoaded(name));
    });
  }

  /** Demo sales so the reviews have something to show (see {@link DemoRepository}). */
  public static Future<Void> loadSales(Pool pool) {
    return loadOnce(pool, "sales-v1", () -> new DemoRepository(pool).seedSales());
  }
}
