package cn.redlive.report;

import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.SettableClock;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.order;
import static cn.redlive.support.SalesKit.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Month-to-date growth and the import's clock window, on a server whose clock stands on October 3rd, 12:00. */
@DisplayName("Growth and sale dates read on the 3rd of the month")
class GrowthOnTheClockTest {

  private static final LocalDate OCTOBER_3RD = LocalDate.of(2023, 10, 3);
  private static SettableClock clock;
  private static TestApp app;

  @BeforeAll
  static void start() {
    clock = SettableClock.at(OCTOBER_3RD, LocalTime.NOON);
    app = TestApp.start(Map.of(), clock);
  }

  @AfterAll
  static void stop() {
    if (app != null) app.stop();
  }

  @Test
  @DisplayName("October asked on the 3rd compares with September 1-3 (环比) and October 1-3 a year earlier (同比), labelled")
  void monthSoFarComparesTheSameDays() {
    SalesKit sales = new SalesKit(app.api());
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();
    sales.imported(csv(order(LiveKit.uniqueId("o"), "2022-10-02 10:00", streamer, product, "500.00"),
        order(LiveKit.uniqueId("o"), "2022-10-20 10:00", streamer, product, "5000.00"),
        order(LiveKit.uniqueId("o"), "2023-09-02 10:00", streamer, product, "1000.00"),
        order(LiveKit.uniqueId("o"), "2023-09-20 10:00", streamer, product, "500.00"),
        order(LiveKit.uniqueId("o"), "2023-10-02 10:00", streamer, product, "1100.00")));
    String october = "/api/v1/reports/rankings?from=2023-10-01&to=2023-10-31";

    JsonObject monthOnMonth = sales.get(october);
    JsonObject yearOnYear = sales.get(october + "&growthBasis=same_period_last_year");

    assertEquals(new JsonObject().put("from", "2023-09-01").put("to", "2023-09-03").put("basis", "previous_month")
        .put("label", "环比（上一自然月同期）"), monthOnMonth.getJsonObject("comparedWith"));
    JsonObject growth = rowOf(monthOnMonth, "streamerId", streamer.streamerId()).getJsonObject("growth");
    assertEquals(100_000, growth.getLong("previousFen"), "September 1-3, not the whole of September");
    assertEquals(1000, growth.getInteger("growthBp"));
    assertEquals("2022-10-01", yearOnYear.getJsonObject("comparedWith").getString("from"));
    assertEquals("2022-10-03", yearOnYear.getJsonObject("comparedWith").getString("to"));
    assertEquals(50_000, rowOf(yearOnYear, "streamerId", streamer.streamerId()).getJsonObject("growth").getLong("previousFen"));
    Reply export = app.api().get("/api/v1/reports/rankings/export?from=2023-10-01&to=2023-10-31&format=csv").as(sales.manager()).send();
    assertTrue(export.body().contains("增长率(%) 环比（上一自然月同期） 2023-09-01至2023-09-03"), export.body());

    clock.set(LocalDate.of(2023, 11, 1), LocalTime.of(9, 0));
    try {
      JsonObject over = sales.get(october);
      assertEquals("2023-09-30", over.getJsonObject("comparedWith").getString("to"), "a month that is over compares whole months");
      assertEquals(150_000, rowOf(over, "streamerId", streamer.streamerId()).getJsonObject("growth").getLong("previousFen"));
    } finally {
      clock.set(OCTOBER_3RD, LocalTime.NOON);
    }
  }

  @Test
  @DisplayName("a sale dated 4 minutes after the server's clock imports; 6 minutes after, or a year ahead, is a row error")
  void importWindowFollowsTheClock() {
    SalesKit sales = new SalesKit(app.api());
    People.LoggedIn streamer = sales.people().streamerWithLogin();
    long product = sales.product().id();

    JsonObject result = sales.imported(csv(order(LiveKit.uniqueId("o"), "2023-10-03 12:04", streamer, product, "10.00"),
        order(LiveKit.uniqueId("o"), "2023-10-03 12:06", streamer, product, "20.00"),
        order(LiveKit.uniqueId("o"), "2024-10-03 12:00", streamer, product, "40.00")));

    assertEquals(1, result.getInteger("inserted"), result::encode);
    assertEquals(2, result.getInteger("failed"));
    assertEquals(java.util.List.of(3, 4), result.getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getInteger("row")).toList(), result::encode);
    assertEquals(1000, sales.netFen(streamer, "2023-10-01", "2024-12-31"));
  }
}
