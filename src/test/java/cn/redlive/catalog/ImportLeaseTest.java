package cn.redlive.catalog;

import cn.redlive.platform.Database;
import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.Reply;
import cn.redlive.support.ServerProcess;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every unfinished import is leased by the server running it. These tests keep an import running for as long as they
 * like by holding a product row it must write (an uncommitted insert of one of its SKUs), then stop or start servers.
 */
@DisplayName("Catalog imports leased by their server")
class ImportLeaseTest {

  private static final String LEASE_SECONDS = "2";
  private static Pool pool;

  @BeforeAll
  static void connect() {
    pool = Database.pool(TestApp.shared().server().vertx(), Database.connectOptions(TestServers.postgres().url(), "", ""), 2);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Test
  @DisplayName("an import whose server is killed mid-file is failed by another server within a lease, and writes nothing")
  void killedServersImportIsFailedByAnother() throws Exception {
    TestApp survivor = TestApp.start(Map.of("catalog.importLeaseSeconds", LEASE_SECONDS));
    Path work = Files.createTempDirectory("redlive-lease-test");
    ServerProcess doomed = ServerProcess.start(work, "doomed", ServerProcess.freePort(), Map.of(
        "REDLIVE_DATA_DIR", work.resolve("data").toString(),
        "REDLIVE_DATABASE_URL", TestServers.postgres().url(),
        "REDLIVE_REDIS_URI", TestServers.redis().uri(),
        "REDLIVE_AUTH_JWT_SECRET", TestApp.JWT_SECRET,
        "REDLIVE_AUTH_BOOTSTRAP_MANAGER_PASSWORD", TestApp.MANAGER_PASSWORD,
        "REDLIVE_CATALOG_IMPORT_LEASE_SECONDS", LEASE_SECONDS));
    SqlConnection holder = run(pool.getConnection());
    try {
      var brand = new Catalogs(survivor.api()).newBrand("中宁县");
      run(insertUncommitted(holder, brand.brandId(), "KILL-10"));
      long job = startCommit(doomed.api(), brand, "KILL");
      Eventually.await("the import writing on the doomed server", Duration.ofSeconds(30),
          () -> statusOf(job), status -> status.equals("writing") || status.equals("validating"));

      doomed.kill();

      JsonObject failed = new Catalogs(survivor.api()).waitFor(brand.partner().token(), job, Duration.ofSeconds(30));
      assertEquals("failed", failed.getString("status"), failed::encodePrettily);
      assertEquals("interrupted", failed.getJsonObject("failure").getString("code"));
      assertEquals(0L, productsOf(brand.brandId()), "the killed server's open transaction wrote nothing");
    } finally {
      holder.close();
      if (doomed.process().isAlive()) doomed.kill();
      survivor.stop();
    }
  }

  @Test
  @DisplayName("a running import older than an hour is not failed when another server starts or sweeps")
  void liveImportIsNeverFailedByAnother() throws Exception {
    // the held row must not outlast the statement timeout, which would fail the import itself
    Map<String, String> settings = Map.of("catalog.importLeaseSeconds", "1", "database.statementTimeoutMs", "60000");
    TestApp running = TestApp.start(settings);
    TestApp another = null;
    SqlConnection holder = run(pool.getConnection());
    try {
      var brand = new Catalogs(running.api()).newBrand("中宁县");
      Transaction held = run(insertUncommitted(holder, brand.brandId(), "LIVE-10"));
      long job = startCommit(running.api(), brand, "LIVE");
      Eventually.await("the import writing", Duration.ofSeconds(30),
          () -> statusOf(job), status -> status.equals("writing") || status.equals("validating"));
      // a long import, as a huge file on a slow disk would be: what a start-up sweep once took for abandoned
      run(pool.preparedQuery("UPDATE catalog_imports SET created_at = now() - interval '2 hours' WHERE id = $1")
          .execute(Tuple.of(job)));

      another = TestApp.start(settings);
      // three leases go by while the import still waits for the held row, the other server sweeping all along
      TimeUnit.SECONDS.sleep(3);
      String status = statusOf(job);
      assertTrue(Set.of("validating", "writing").contains(status), "the running server kept vouching for its import: " + status);

      run(held.commit());
      JsonObject done = new Catalogs(running.api()).waitFor(brand.partner().token(), job);
      assertEquals("succeeded", done.getString("status"), done::encodePrettily);
      assertEquals(40L, productsOf(brand.brandId()));
    } finally {
      holder.close();
      if (another != null) another.stop();
      running.stop();
    }
  }

  private static long startCommit(Api api, Catalogs.BrandWithPartner brand, String prefix) {
    StringBuilder csv = new StringBuilder(TEMPLATE_HEADER).append('\n');
    for (int i = 1; i <= 40; i++) {
      csv.append(prefix).append('-').append(i).append(",宁夏枸杞 第").append(i).append("号,枸杞,中宁县,250g,250,59.00,10%,5,,,\n");
    }
    Reply started = api.post("/api/v1/catalog/imports?mode=commit&fileName=catalog.csv")
        .as(brand.partner().token()).bytes("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)).send();
    assertEquals(202, started.status(), started::toString);
    return started.json().getLong("id");
  }

  /** A product created by hand in a transaction left open: an import that writes its SKU waits for it. */
  private static Future<Transaction> insertUncommitted(SqlConnection connection, long brandId, String sku) {
    return connection.begin().compose(tx -> connection.preparedQuery(
            "INSERT INTO products (brand_id, sku, name, category, origin, price_fen, commission_bp) "
                + "VALUES ($1, $2, '手工录入的商品', '枸杞', '中宁县', 100, 0)")
        .execute(Tuple.of(brandId, sku)).map(tx));
  }

  private static String statusOf(long job) {
    return query("SELECT status FROM catalog_imports WHERE id = $1", job).getString(0);
  }

  private static long productsOf(long brandId) {
    return query("SELECT count(*) FROM products WHERE brand_id = $1", brandId).getLong(0);
  }

  private static io.vertx.sqlclient.Row query(String sql, long id) {
    try {
      return run(pool.preparedQuery(sql).execute(Tuple.of(id))).iterator().next();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T run(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
