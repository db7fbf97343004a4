package cn.redlive.live;

import cn.redlive.platform.EmbeddedRedisServer;
import cn.redlive.support.Api;
import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one PostgreSQL and one Redis of their own (a new database: no other test's server settles these
 * sessions), settling every {@link #EVERY_MS} ms.
 */
@DisplayName("Settlement shared between instances")
class SettlementSharedTest {

  private static final long EVERY_MS = 250;
  private static final int SESSIONS = 4;
  private static final Pattern LIVE_FLUSHES = Pattern.compile("(?m)^redlive_live_settlement_flushes_total\\{kind=\"live\",?\\} (\\S+)$");
  private static final Pattern FINAL_FLUSHES = Pattern.compile("(?m)^redlive_live_settlement_flushes_total\\{kind=\"final\",?\\} (\\S+)$");

  private EmbeddedRedisServer redis;
  private String database;
  private final List<TestApp> apps = new ArrayList<>();

  @BeforeEach
  void twoServers() {
    redis = EmbeddedRedisServer.start(TestServers.newDataDir());
    database = TestServers.newDatabase("settlement");
    // a cheap password hash: logins are not under test, and each new account logs in
    Map<String, String> settings = Map.of("database.url", database, "redis.uri", redis.uri(),
        "live.settleEveryMs", Long.toString(EVERY_MS), "auth.pbkdf2Iterations", "10000");
    apps.add(TestApp.start(settings));
    apps.add(TestApp.start(settings));
  }

  @AfterEach
  void stopServers() {
    apps.forEach(TestApp::stop);
    redis.close();
  }

  @Test
  @DisplayName("with a second instance each session is still flushed about once per interval, not once per instance")
  void flushesDoNotGrowWithInstances() throws Exception {
    List<LiveKit.Live> sessions = liveSessions();
    // both have flushed: their timers run
    Eventually.await("both servers flushing", Duration.ofSeconds(30), () -> List.of(flushes(0, LIVE_FLUSHES),
        flushes(1, LIVE_FLUSHES)), counts -> counts.get(0) + counts.get(1) >= 4 * SESSIONS);

    long started = System.nanoTime();
    double before = flushes(0, LIVE_FLUSHES) + flushes(1, LIVE_FLUSHES);
    Thread.sleep(20 * EVERY_MS);
    double flushed = flushes(0, LIVE_FLUSHES) + flushes(1, LIVE_FLUSHES) - before;
    double intervals = (System.nanoTime() - started) / 1e6 / EVERY_MS;

    // one instance flushes a session once per interval; two, sharing the lease of 3/4 interval, at most 4/3 as
    // often; two repeating each other would flush twice per interval
    double perSessionPerInterval = flushed / SESSIONS / intervals;
    assertTrue(flushed > 0, "sessions are still flushed");
    assertTrue(flushed <= SESSIONS * (intervals / Settlement.LEASE_OF_INTERVAL + 2),
        () -> flushed + " flushes of " + sessions.size() + " sessions in " + intervals + " intervals: "
            + perSessionPerInterval + " per session and interval");
  }

  @Test
  @DisplayName("sessions ended on either instance settle to exactly the ledger once, and no tick settles them again")
  void endedSessionsSettleToTheLedgerOnce() throws Exception {
    List<LiveKit.Live> sessions = liveSessions();
    Map<Long, Long> gmv = new HashMap<>();
    for (int s = 0; s < sessions.size(); s++) {
      LiveKit.Live session = sessions.get(s);
      // each instance ingests half of every session's orders
      for (int i = 0; i < 6; i++) {
        long amount = 1000L * (s + 1) + i;
        Reply sent = new LiveKit(api(i % 2)).send(ingest(i % 2), batch("shared-" + session.sessionId(), i + 1,
            order(session.sessionId(), session.productId(), amount), like(session.sessionId(), 2)));
        assertEquals(200, sent.status(), sent::toString);
        gmv.merge(session.sessionId(), amount, Long::sum);
      }
    }
    // a live flush has happened, so the final settlement overwrites flushed figures
    Eventually.await("a live flush of every session", Duration.ofSeconds(30),
        () -> count("SELECT count(*) FROM live_session_results WHERE likes = 12"), n -> n == SESSIONS);

    for (int s = 0; s < sessions.size(); s++) {
      LiveKit.Live session = sessions.get(s);
      Reply ended = api(s % 2).post("/api/v1/live/sessions/" + session.sessionId() + "/end")
          .as(session.streamer().token()).send();
      assertEquals(200, ended.status(), ended::toString);
    }

    for (LiveKit.Live session : sessions) {
      JsonObject results = new LiveKit(api(1)).session(api(1).managerToken(), session.sessionId()).getJsonObject("results");
      assertEquals(6, results.getInteger("orders"), results::encode);
      assertEquals(gmv.get(session.sessionId()), results.getLong("gmvFen"), results::encode);
      assertEquals(12, results.getLong("likes"), results::encode);
      assertEquals(ledgerGmv(session.sessionId()), results.getLong("gmvFen"), "settled GMV equals the ledger's");
    }
    assertEquals(0, count("SELECT count(*) FROM live_session_settlement"), "settled sessions leave no lease");
    double finals = flushes(0, FINAL_FLUSHES) + flushes(1, FINAL_FLUSHES);
    assertTrue(finals >= SESSIONS, "each session settled: " + finals);
    Thread.sleep(8 * EVERY_MS);
    assertEquals(finals, flushes(0, FINAL_FLUSHES) + flushes(1, FINAL_FLUSHES), "ticks do not settle them again");
  }

  @Test
  @DisplayName("the sessions of an instance that stopped are flushed by the other in the next interval")
  void leasesOfAStoppedInstanceAreTakenOver() throws Exception {
    List<LiveKit.Live> sessions = liveSessions();
    String stopping = api(1).get("/health/ready").send().json().getJsonObject("liveState").getString("settlementInstance");
    Eventually.await("the second server holding a lease", Duration.ofSeconds(30), this::leaseHolders,
        held -> held.containsValue(stopping));

    apps.remove(1).stop();
    String ingest = ingest(0);
    for (LiveKit.Live session : sessions) {
      Reply sent = new LiveKit(api(0)).send(ingest, batch("after-stop", 1, like(session.sessionId(), 7)));
      assertEquals(200, sent.status(), sent::toString);
    }

    Eventually.await("every session flushed by the remaining server", Duration.ofSeconds(30),
        () -> count("SELECT count(*) FROM live_session_results WHERE likes = 7"), n -> n == SESSIONS);
    String remaining = api(0).get("/health/ready").send().json().getJsonObject("liveState").getString("settlementInstance");
    Eventually.await("every lease claimed by the remaining server", Duration.ofSeconds(30), this::leaseHolders,
        held -> held.size() == SESSIONS && held.values().stream().allMatch(remaining::equals));
  }

  private List<LiveKit.Live> liveSessions() {
    List<LiveKit.Live> sessions = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) sessions.add(new LiveKit(api(i % 2)).liveSession());
    return sessions;
  }

  private Api api(int app) {
    return apps.get(app).api();
  }

  private String ingest(int app) {
    return api(app).newUser("ingest").token();
  }

  /** This instance's flush counter, from its /metrics. */
  private double flushes(int app, Pattern meter) {
    Reply metrics = api(app).get("/metrics").send();
    Matcher m = meter.matcher(metrics.body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private Map<Long, String> leaseHolders() {
    return query("SELECT session_id, claimed_by::text FROM live_session_settlement WHERE claimed_by IS NOT NULL", rows -> {
      Map<Long, String> held = new HashMap<>();
      while (rows.next()) held.put(rows.getLong(1), rows.getString(2));
      return held;
    });
  }

  private long ledgerGmv(long sessionId) {
    return count("SELECT coalesce(sum(amount_fen), 0) FROM sales_orders WHERE kind = 'order' AND session_id = " + sessionId);
  }

  private long count(String sql) {
    return TestServers.queryLong(database, sql);
  }

  private interface Read<T> {
    T from(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, Read<T> read) {
    try (Connection db = DriverManager.getConnection(TestServers.jdbcUrl(database)); ResultSet rows = db.createStatement().executeQuery(sql)) {
      return read.from(rows);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
