package cn.redlive.platform;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Connection settings and the shared Vert.x PG pool. One URL is the single source for both the pool and Flyway's JDBC. */
public final class Database {

  private Database() {
  }

  public static PgConnectOptions connectOptions(String url, String user, String password) {
    return connectOptions(url, user, password, 0);
  }

  /** {@code statementTimeoutMs} > 0 is sent at connect time, so PostgreSQL itself bounds every statement. */
  public static PgConnectOptions connectOptions(String url, String user, String password, int statementTimeoutMs) {
    return connectOptions(url, user, password, statementTimeoutMs, false);
  }

  /**
   * Behind a transaction pooler (PgBouncer 1.18 in transaction mode, Debian 12's) consecutive statements of one
   * client connection may run in different server sessions, and named prepared statements live in one session:
   * each query then goes out as one unnamed parse-bind-execute (Vert.x's layer 7 proxy mode), none is cached, and no
   * startup parameter is sent (PgBouncer refuses statement_timeout there; its connect_query sets it instead).
   */
  public static PgConnectOptions connectOptions(String url, String user, String password, int statementTimeoutMs,
                                               boolean transactionPooler) {
    PgConnectOptions options = PgConnectOptions.fromUri(url).setReconnectAttempts(0);
    if (transactionPooler) {
      options.setUseLayer7Proxy(true).setCachePreparedStatements(false);
    } else {
      options.setCachePreparedStatements(true).setPreparedStatementCacheMaxSize(512);
      if (statementTimeoutMs > 0) options.addProperty("statement_timeout", Integer.toString(statementTimeoutMs));
    }
    if (!user.isEmpty()) options.setUser(user);
    if (!password.isEmpty()) options.setPassword(password);
    return options;
  }

  public static Pool pool(Vertx vertx, PgConnectOptions options, int size) {
    return pool(vertx, options, size, 5_000);
  }

  public static Pool pool(Vertx vertx, PgConnectOptions options, int size, int acquireTimeoutMs) {
    PoolOptions poolOptions = new PoolOptions()
        .setMaxSize(size)
        .setName("redlive")
        // a request waiting for a connection longer than this gets a fast 503, not a hang
        .setConnectionTimeout(acquireTimeoutMs)
        .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
        .setMaxWaitQueueSize(2_000)
        .setIdleTimeout(60);
    // connecting to a stopped database fails within seconds instead of hanging requests
    NetClientOptions net = new NetClientOptions().setConnectTimeout(3_000);
    return PgBuilder.pool().with(poolOptions).with(net).connectingTo(options).using(vertx).build();
  }

  public static String jdbcUrl(PgConnectOptions options) {
    String url = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    SslMode ssl = options.getSslMode();
    return ssl == null || ssl == SslMode.DISABLE ? url : url + "?sslmode=" + ssl.value;
  }
}
