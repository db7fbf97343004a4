package cn.redlive.product;

import cn.redlive.platform.Database;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Products name their brand through a check per statement (V51) rather than a foreign key; it must refuse what
 * the foreign key refused. Exercised with SQL on the database the server uses.
 */
@DisplayName("A product always belongs to an existing brand")
class ProductBrandIntegrityTest {

  private static Pool pool;

  @BeforeAll
  static void connect() {
    pool = Database.pool(TestApp.shared().server().vertx(), Database.connectOptions(TestServers.postgres().url(), "", ""), 1);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Test
  @DisplayName("a product naming a brand that does not exist is refused, even among rows of a real brand")
  void unknownBrandIsRefused() throws Exception {
    long brand = newBrand();
    assertEquals("23503", sqlState(insertProducts("VALUES ($1, 'OK-1'), (-1, 'NO-1')", brand)));
    assertEquals(0L, count("SELECT count(*) FROM products WHERE sku IN ('OK-1', 'NO-1') AND brand_id IN ($1, -1)", brand));
  }

  @Test
  @DisplayName("a brand that still has products cannot be deleted, one without products can")
  void brandWithProductsStays() throws Exception {
    long kept = newBrand();
    run(insertProducts("VALUES ($1, 'KEEP-1')", kept));
    assertEquals("23503", sqlState(pool.preparedQuery("DELETE FROM brands WHERE id = $1").execute(Tuple.of(kept))));
    long empty = newBrand();
    assertEquals(1, run(pool.preparedQuery("DELETE FROM brands WHERE id = $1").execute(Tuple.of(empty))).rowCount());
  }

  @Test
  @DisplayName("a product cannot move to another brand")
  void productKeepsItsBrand() throws Exception {
    long from = newBrand(), to = newBrand();
    run(insertProducts("VALUES ($1, 'MOVE-1')", from));
    assertEquals("23000", sqlState(pool.preparedQuery("UPDATE products SET brand_id = $2 WHERE brand_id = $1")
        .execute(Tuple.of(from, to))));
    assertEquals(1L, count("SELECT count(*) FROM products WHERE brand_id = $1", from));
  }

  private static Future<?> insertProducts(String values, long brand) {
    return pool.preparedQuery("INSERT INTO products (brand_id, sku, name, category, origin, price_fen, commission_bp) "
        + "SELECT b, s, '测试商品', '枸杞', '中宁县', 100, 0 FROM (" + values + ") v(b, s)").execute(Tuple.of(brand));
  }

  private static long newBrand() throws Exception {
    return run(pool.preparedQuery("INSERT INTO brands (name, enterprise, origin) VALUES ($1, '测试企业', '中宁县') RETURNING id")
        .execute(Tuple.of(TestApp.uniqueName("完整性品牌")))).iterator().next().getLong(0);
  }

  private static long count(String sql, long brand) throws Exception {
    return run(pool.preparedQuery(sql).execute(Tuple.of(brand))).iterator().next().getLong(0);
  }

  private static <T> T run(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String sqlState(Future<?> future) {
    ExecutionException failed = assertThrows(ExecutionException.class, () -> run(future));
    return assertInstanceOf(PgException.class, failed.getCause()).getSqlState();
  }
}
