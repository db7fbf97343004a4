package cn.redlive.platform;

import cn.redlive.catalog.Catalogs;
import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.Reply;
import cn.redlive.support.ServerProcess;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static cn.redlive.catalog.Catalogs.TEMPLATE_HEADER;
import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * RedLive behind Debian's PgBouncer (1.18) in transaction mode, with fewer server connections than the app's pool:
 * consecutive statements of one app connection then reach different PostgreSQL sessions.
 */
@DisplayName("PostgreSQL behind PgBouncer in transaction mode")
class PgBouncerTest {

  private static final int SERVER_CONNECTIONS = 3;
  private static Process bouncer;
  private static Path work;
  private static String direct;
  private static String pooled;

  @BeforeAll
  static void startPgBouncer() throws Exception {
    direct = TestServers.newDatabase("bouncer");
    String database = direct.substring(direct.lastIndexOf('/') + 1);
    int port = ServerProcess.freePort();
    work = Files.createTempDirectory("redlive-pgbouncer");
    // PgBouncer runs as nobody when the tests run as root: it reads its config and writes its log here
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path config = work.resolve("pgbouncer.ini");
    Files.writeString(config, String.join("\n",
        "[databases]",
        database + " = host=127.0.0.1 port=" + TestServers.postgres().port() + " dbname=" + database
            + " user=postgres connect_query='SET statement_timeout = 5000'",
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        "listen_port = " + port,
        "unix_socket_dir =",
        "auth_type = any",
        "pool_mode = transaction",
        "default_pool_size = " + SERVER_CONNECTIONS,
        "max_client_conn = 200",
        "ignore_startup_parameters = extra_float_digits",
        "logfile = " + work.resolve("pgbouncer.log"),
        ""));
    config.toFile().setReadable(true, false);
    // PgBouncer refuses to run as root; CI runs the tests as root
    String binary = Files.isExecutable(Path.of("/usr/sbin/pgbouncer")) ? "/usr/sbin/pgbouncer" : "pgbouncer";
    List<String> command = ProcessHandle.current().info().user().orElse("").equals("root")
        ? List.of("runuser", "-u", "nobody", "--", binary, config.toString())
        : List.of(binary, config.toString());
    bouncer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("out.log").toFile()).start();
    Eventually.await("PgBouncer listening", Duration.ofSeconds(20), () -> {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException notYet) {
        if (!bouncer.isAlive()) throw new AssertionError("pgbouncer exited; see " + work.resolve("out.log"));
        return false;
      }
    }, up -> up);
    pooled = "postgresql://postgres@127.0.0.1:" + port + "/" + database;
  }

  @AfterAll
  static void stopPgBouncer() throws Exception {
    if (bouncer != null) {
      bouncer.destroy();
      if (!bouncer.waitFor(10, TimeUnit.SECONDS)) bouncer.destroyForcibly();
    }
  }

  @Test
  @DisplayName("logins, a catalog import, a live session with orders and the reports all work through it")
  void theServerWorksThroughIt() {
    // a database of its own needs a Redis of its own: its session ids start at 1 again
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(TestServers.newDataDir());
    TestApp app = TestApp.start(Map.of("database.url", pooled, "database.migrationUrl", direct,
        "database.transactionPooler", "true", "database.poolSize", "8", "redis.uri", redis.uri()));
    try {
      Api api = app.api();
      Catalogs catalogs = new Catalogs(api);
      var brand = catalogs.newBrand("中宁县");
      StringBuilder csv = new StringBuilder(TEMPLATE_HEADER).append('\n');
      for (int i = 1; i <= 3000; i++) {
        csv.append("PGB-").append(i).append(",宁夏枸杞 第").append(i).append("号,枸杞,中宁县,250g,250,59.00,10%,5,,,\n");
      }
      JsonObject job = catalogs.commitCsv(brand.partner().token(), csv.toString());
      assertEquals("succeeded", job.getString("status"), job::encodePrettily);
      assertEquals(3000, job.getJsonObject("report").getInteger("inserted"));

      LiveKit live = new LiveKit(api);
      var session = live.liveSession();
      String ingest = api.newUser("ingest").token();
      long gmv = 0;
      for (int b = 1; b <= 20; b++) {
        Reply sent = live.send(ingest, batch("pgbouncer", b, like(session.sessionId(), 1),
            order(session.sessionId(), session.productId(), 100L * b)));
        assertEquals(200, sent.status(), sent::toString);
        gmv += 100L * b;
      }
      JsonObject counters = live.session(api.managerToken(), session.sessionId()).getJsonObject("live");
      assertEquals(gmv, counters.getLong("gmvFen"));
      assertEquals(20L, counters.getLong("likes"));

      Reply rankings = api.get("/api/v1/reports/rankings").as(api.managerToken()).send();
      assertEquals(200, rankings.status(), rankings::toString);
    } finally {
      app.stop();
      redis.close();
    }
  }

  @Test
  @DisplayName("a server not told it is behind a transaction pooler does not start through it")
  void withoutThePoolerSettingItDoesNotStart() {
    assertThrows(RuntimeException.class, () -> TestApp.start(Map.of("database.url", pooled,
        "database.migrationUrl", direct, "database.transactionPooler", "false")).stop());
  }
}
