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
      Transaction tx = insertUncommitted(other, brand.brandId(), "ROW-1000");
      long started = startCommit(brand.partner().token(), catalog("ROW"));
      // the import looked the SKU up before this insert committed, and its own insert of it waits for it
      Eventually.await("the import waiting for the uncommitted product", Duration.ofSeconds(30),
          ImportConcurrencyTest::importsWaitingForARow, waiting -> waiting > 0);
      run(tx.commit());

      JsonObject job = catalogs.waitFor(brand.partner().token(), started);
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
    long first = startCommit(brand.partner().token(), file);
    long second = startCommit(brand.partner().token(), file);

    JsonObject a = catalogs.waitFor(brand.partner().token(), first).getJsonObject("report");
    JsonObject b = catalogs.waitFor(brand.partner().token(), second).getJsonObject("report");
    assertEquals(ROWS, a.getInteger("inserted") + b.getInteger("inserted"), a + " and " + b);
    assertEquals(ROWS, a.getInteger("unchanged") + b.getInteger("unchanged"), a + " and " + b);
    assertEquals((long) ROWS, count(brand.brandId()));
  }

  @Test
  @DisplayName("a brand's second upload waits its turn as a queued job, and another brand's import runs meanwhile")
  void queuedImportLeavesTheWorkersFree() throws Exception {
    var goji = catalogs.newBrand("中宁县");
    var lamb = catalogs.newBrand("盐池县");
    SqlConnection other = run(pool.getConnection());
    try {
      Transaction tx = insertUncommitted(other, goji.brandId(), "HOLD-1000");
      long first = startCommit(goji.partner().token(), catalog("HOLD"));
      // the first import now waits for the uncommitted product, holding its brand's turn
      Eventually.await("the first import waiting for the uncommitted product", Duration.ofSeconds(30),
          ImportConcurrencyTest::importsWaitingForARow, waiting -> waiting > 0);
      long second = startCommit(goji.partner().token(), catalog("MORE"));
      long otherBrand = startCommit(lamb.partner().token(), catalog("LAMB"));

      JsonObject lambJob = catalogs.waitFor(lamb.partner().token(), otherBrand, Duration.ofSeconds(20));
      assertEquals("succeeded", lambJob.getString("status"), lambJob::encodePrettily);
      assertEquals("queued", api.get("/api/v1/catalog/imports/" + second).as(goji.partner().token()).send().json()
          .getString("status"), "the brand's second upload waits for the first");
      run(tx.commit());

      assertEquals("succeeded", catalogs.waitFor(goji.partner().token(), first).getString("status"));
      JsonObject secondJob = catalogs.waitFor(goji.partner().token(), second);
      assertEquals("succeeded", secondJob.getString("status"), secondJob::encodePrettily);
      assertEquals(ROWS, secondJob.getJsonObject("report").getInteger("inserted"));
      assertEquals(2L * ROWS, count(goji.brandId()));
    } finally {
      other.close();
    }
  }

  @Test
  @DisplayName("an import of the brand running on another server holds the brand's turn until it commits")
  void importOnAnotherServer() throws Exception {
    var brand = catalogs.newBrand("中宁县");
    SqlConnection otherServer = run(pool.getConnection());
    try {
      Transaction tx = run(otherServer.begin());
      // what the first lane of a committing import takes (ProductWrites), held as the other server's import would
      run(otherServer.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('catalog-import', $1))")
          .execute(Tuple.of(brand.brandId())));
      long started = startCommit(brand.partner().token(), catalog("TURN"));
      Eventually.await("the import waiting for the brand's turn", Duration.ofSeconds(30),
          ImportConcurrencyTest::importsWaitingForTheirTurn, waiting -> waiting > 0);
      assertEquals(0L, count(brand.brandId()));
      run(tx.commit());

      JsonObject job = catalogs.waitFor(brand.partner().token(), started);
      assertEquals("succeeded", job.getString("status"), job::encodePrettily);
      assertEquals((long) ROWS, count(brand.brandId()));
    } finally {
      otherServer.close();
    }
  }

  /** A product created by hand, in a transaction left open: an import that writes its SKU waits for it. */
  private static Transaction insertUncommitted(SqlConnection connection, long brandId, String sku) throws Exception {
    Transaction tx = run(connection.begin());
    run(connection.preparedQuery("INSERT INTO products (brand_id, sku, name, category, origin, price_fen, commission_bp) "
        + "VALUES ($1, $2, '手工录入的商品', '枸杞', '中宁县', 100, 0)").execute(Tuple.of(brandId, sku)));
    return tx;
  }

  private long startCommit(String token, byte[] file) {
    Reply started = api.post("/api/v1/catalog/imports?mode=commit&fileName=catalog.csv").as(token).bytes("text/csv", file).send();
    assertEquals(202, started.status(), started::toString);
    return started.json().getLong("id");
  }

  private static byte[] catalog(String prefix) {
    StringBuilder csv = new StringBuilder(TEMPLATE_HEADER).append('\n');
    for (int i = 1; i <= ROWS; i++) {
      csv.append(prefix).append('-').append(i).append(",宁夏枸杞 第").append(i).append("号,枸杞,中宁县,250g,250,59.00,10%,5,,,\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Imports waiting for another transaction to end (the query text shown is its first 1 KB, which unnests the rows). */
  private static long importsWaitingForARow() {
    return sessionsWaiting("transactionid", "%unnest%");
  }

  /** Imports waiting for the brand's import lock. */
  private static long importsWaitingForTheirTurn() {
    return sessionsWaiting("advisory", "%catalog-import%");
  }

  private static long sessionsWaiting(String lockEvent, String queryPattern) {
    try {
      return run(pool.preparedQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
          + "AND wait_event = $1 AND query LIKE $2").execute(Tuple.of(lockEvent, queryPattern))).iterator().next().getLong(0);
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
