package cn.redlive.web;

import java.lang.reflect.Field;

/**
 * The Vert.x SQL pool fails a request that waited longer than its connection timeout with one shared
 * {@code VertxException} instance (a plain type, kept in the private {@code SqlConnectionPool.POOL_QUERY_TIMEOUT_EXCEPTION}).
 * There is no public type or code for it, so it is recognised by identity; this is the only use of the internal
 * class. If a Vert.x upgrade renames it, {@link #is} answers false and the pool-exhaustion test fails.
 */
final class PoolTimeout {

  private static final Object INSTANCE = find();

  private PoolTimeout() {
  }

  static boolean is(Throwable t) {
    return INSTANCE != null && t == INSTANCE;
  }

  private static Object find() {
    try {
      Field field = Class.forName("io.vertx.sqlclient.impl.pool.SqlConnectionPool").getDeclaredField("POOL_QUERY_TIMEOUT_EXCEPTION");
      field.setAccessible(true);
      return field.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
