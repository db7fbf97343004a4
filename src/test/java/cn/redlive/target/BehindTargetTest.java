package cn.redlive.target;

import cn.redlive.sales.SalesTotals;
import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Month-to-date target rules run at a fixed instant: the service is handed a clock stopped on October 3rd. */
@DisplayName("Behind target, read on the 3rd of the month")
class BehindTargetTest {

  private static final Clock OCTOBER_3RD = Clock.fixed(OffsetDateTime.parse("2023-10-03T12:00:00+08:00").toInstant(),
      java.time.ZoneOffset.UTC);
  private static Pool pool;

  private final SalesKit sales = new SalesKit(TestApp.shared().api());

  @BeforeAll
  static void connect() {
    pool = TestApp.shared().newPool(2);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  private static Targets targetsAt(Clock clock) {
    return new Targets(new TargetRepository(pool), new SalesTotals(new cn.redlive.sales.SalesRollupRepository(pool)), clock);
  }

  @Test
  @DisplayName("+10% over last month: 106,700 fen by the 3rd against 100,000 on the same days is behind, 110,000 is not")
  void growthTargetIsNotScaledTwice() throws Exception {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2023-09-02 10:00", streamer, product, "1000.00"),
        order(LiveKit.uniqueId("o"), "2023-09-20 10:00", streamer, product, "500.00"),
        order(LiveKit.uniqueId("o"), "2023-10-02 10:00", streamer, product, "1067.00")));
    setTarget(new JsonObject().put("scope", "streamer").put("scopeId", streamer.streamerId()).put("month", "2023-10")
        .put("growthBp", 1000).put("growthBasis", "previous_month"));

    TargetProgress early = progress(streamer);
    assertEquals(106_700, early.actualFen());
    assertEquals(110_000, early.dueByNowFen(), "the same three days of September grown by 10%, not scaled by 3/31");
    assertEquals(165_000, early.effectiveTargetFen(), "the month's target is the whole of September grown by 10%");
    assertTrue(early.behind());
    assertFalse(early.growthMet());

    sales.imported(csv(order(LiveKit.uniqueId("o"), "2023-10-03 09:00", streamer, product, "33.00")));
    TargetProgress caughtUp = progress(streamer);
    assertEquals(110_000, caughtUp.actualFen());
    assertFalse(caughtUp.behind(), "exactly the pace is not behind");
    assertTrue(caughtUp.growthMet());
  }

  @Test
  @DisplayName("a GMV target is due pro rata by days gone: 3/31 of 310,000 fen is 30,000 on the 3rd")
  void gmvTargetProRata() throws Exception {
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2023-10-01 10:00", streamer, product, "299.99")));
    setTarget(new JsonObject().put("scope", "streamer").put("scopeId", streamer.streamerId()).put("month", "2023-10")
        .put("gmvFen", 310_000));

    TargetProgress short1 = progress(streamer);
    assertEquals(30_000, short1.dueByNowFen());
    assertTrue(short1.behind(), "29,999 fen trails 30,000");
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2023-10-03 10:00", streamer, product, "0.01")));
    assertFalse(progress(streamer).behind());
    Clock september = Clock.offset(OCTOBER_3RD, java.time.Duration.ofDays(-10));
    assertFalse(await(targetsAt(september).progressOf("streamer", streamer.streamerId(), YearMonth.of(2023, 10)))
        .orElseThrow().behind(), "nothing is due before the month begins");
  }

  private TargetProgress progress(People.LoggedIn streamer) throws Exception {
    return await(targetsAt(OCTOBER_3RD).progressOf("streamer", streamer.streamerId(), YearMonth.of(2023, 10))).orElseThrow();
  }

  private void setTarget(JsonObject body) {
    var reply = TestApp.shared().api().put("/api/v1/targets").as(sales.manager()).json(body).send();
    assertEquals(200, reply.status(), reply::toString);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
