package cn.redlive.catalog;

import cn.redlive.platform.Database;
import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.Reply;
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
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static cn.redlive.catalog.Catalogs.bySku;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Imports write their products while others write too: nothing is refused twice or written twice. */
@DisplayName("A catalog import among other writers of the same brand")
class ImportConcurrencyTest {

  private static final int ROWS = 6000;
  private static Pool pool;
  private final Api api = TestApp.shared().api();
  private final Catalogs catalogs = new Catalogs(api);

  @BeforeAll
  static void connect() {
    pool = Database.pool(TestApp.shared().server().vertx(), Database.connectOptions(TestServers.postgres().url(), "", ""), 2);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Test
  @DisplayName("a SKU someone else inserts while the import runs is updated from the file, and the import succeeds")
  void skuInsertedMeanwhile() throws Exception {
    var brand = catalogs.newBrand("中宁县");
    SqlConnection other = run(pool.getConnection());
    try {
      Transaction tx = run(other.begin());
      run(other.preparedQuery("INSERT INTO products (brand_id, sku, name, category, origin, price_fen, commission_bp) "
          + "VALUES ($1, 'ROW-1000', '手工录入的商品', '枸杞', '中宁县', 100, 0)").execute(Tuple.of(brand.brandId())));
      Reply started = api.post("/api/v1/catalog/imports?mode=commit&fileName=meanwhile.csv").as(brand.partner().token())
          .bytes("text/csv", catalog("ROW")).send();
      assertEquals(202, started.status(), started::toString);
      // the import looked the SKU up before this insert committed, and its own insert of it waits for it
      Eventually.await("the import waiting for the uncommitted product", Duration.ofSeconds(30),
          ImportConcurrencyTest::importsWaitingForARow, waiting -> waiting > 0);
      run(tx.commit());

      JsonObject job = catalogs.waitFor(brand.partner().token(), started.json().getLong("id"));
      assertEquals("succeeded", job.getString("status"), job::encodePrettily);
      assertEquals(new JsonObject().put("inserted", ROWS - 1).put("updated", 1).put("unchanged", 0).put("failed", 0)
          .put("errorCount", 0), job.getJsonObject("report"));
      var products = catalogs.productsOf(brand.partner().token(), brand.brandId());
      assertEquals("宁夏枸杞 第1000号", bySku(products, "ROW-1000").getString("name"));
      assertEquals((long) ROWS, count(brand.brandId()));
    } finally {
      other.close();
    }
  }

  @Test
  @DisplayName("the same file uploaded twice at once: both imports succeed and each product is written once")
  void sameFileTwiceAtOnce() throws Exception {
    var brand = catalogs.newBrand("中宁县");
    byte[] file = catalog("TWICE");
    Reply first = api.post("/api/v1/catalog/imports?mode=commit&fileName=a.csv").as(brand.partner().token())
        .bytes("text/csv", file).send();
    Reply second = api.post("/api/v1/catalog/imports?mode=commit&fileName=b.csv").as(brand.partner().token())
        .bytes("text/csv", file).send();
    assertEquals(202, first.status(), first::toString);
    assertEquals(202, second.status(), second::toString);

    JsonObject a = catalogs.waitFor(brand.partner().token(), first.json().getLong("id")).getJsonObject("report");
    JsonObject b = catalogs.waitFor(brand.partner().token(), second.json().getLong("id")).getJsonObject("report");
    assertEquals(ROWS, a.getInteger("inserted") + b.getInteger("inserted"), a + " and " + b);
    assertEquals(ROWS, a.getInteger("unchanged") + b.getInteger("unchanged"), a + " and " + b);
    assertEquals((long) ROWS, count(brand.brandId()));
  }

  private static byte[] catalog(String prefix) {
    StringBuilder csv = new StringBuilder(TEMPLATE_HEADER).append('\n');
    for (int i = 1; i <= ROWS; i++) {
      csv.append(prefix).append('-').append(i).append(",宁夏枸杞 第").append(i).append("号,枸杞,中宁县,250g,250,59.00,10%,5,,,\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long importsWaitingForARow() {
    try {
      // waiting for another transaction to end (the query text is cut after 1 KB: it does not show the insert)
      return run(pool.query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
          + "AND wait_event = 'transactionid' AND query LIKE '%unnest%'").execute()).iterator().next().getLong(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(long brandId) throws Exception {
    return run(pool.preparedQuery("SELECT count(*) FROM products WHERE brand_id = $1").execute(Tuple.of(brandId)))
        .iterator().next().getLong(0);
  }

  private static <T> T run(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
