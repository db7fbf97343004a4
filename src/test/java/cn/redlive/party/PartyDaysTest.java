package cn.redlive.party;

import cn.redlive.support.People;
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

import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rules that depend on today, on a server whose clock the test sets to the first and last minute of a base day. */
@DisplayName("Party rules that read today turn on Asia/Shanghai midnight")
class PartyDaysTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  private static final SettableClock CLOCK = SettableClock.at(DAY, LocalTime.NOON);
  private static TestApp app;
  private static People people;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of(), CLOCK);
    people = new People(app.api());
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  @DisplayName("a step may be dated today from 00:00 in Shanghai (still yesterday in UTC) and never tomorrow")
  void stepDatedToday() {
    long id = people.streamer();
    CLOCK.set(DAY, LocalTime.MIDNIGHT);
    people.ok(id, "application", DAY.toString());
    CLOCK.set(DAY, LocalTime.of(23, 59, 59));
    assertProblem(people.step(id, "talk", DAY.plusDays(1).toString()), 422, "step-in-future");
    CLOCK.set(DAY.plusDays(1), LocalTime.MIDNIGHT);
    people.ok(id, "talk", DAY.plusDays(1).toString());
  }

  @Test
  @DisplayName("the record's talk is due through the day a month after the application and overdue from the next")
  void talkStatusToday() {
    long id = people.streamer();
    CLOCK.set(DAY, LocalTime.NOON);
    people.ok(id, "application", DAY.toString());
    CLOCK.set(DAY.plusMonths(1), LocalTime.of(23, 59));
    assertEquals("due", obligation(id, "talk").getString("status"));
    CLOCK.set(DAY.plusMonths(1).plusDays(1), LocalTime.MIDNIGHT);
    assertEquals("overdue", obligation(id, "talk").getString("status"));
  }

  @Test
  @DisplayName("the checklist shows a year as activist done only from the day after the year is up")
  void activistYearInChecklist() {
    long id = people.streamer();
    LocalDate activistOn = DAY.minusYears(1);
    CLOCK.set(DAY, LocalTime.NOON);
    people.ok(id, "application", activistOn.minusMonths(2).toString());
    people.ok(id, "talk", activistOn.minusMonths(1).toString());
    people.ok(id, "activist", activistOn.toString());
    assertEquals(false, condition(id, "activist_more_than_one_year").getBoolean("done"));
    CLOCK.set(DAY.plusDays(1), LocalTime.MIDNIGHT);
    JsonObject year = condition(id, "activist_more_than_one_year");
    assertEquals(true, year.getBoolean("done"));
    assertEquals(DAY.plusDays(1).toString(), year.getString("from"));
  }

  private static JsonObject record(long id) {
    return app.api().get("/api/v1/streamers/" + id + "/party").as(people.managerToken()).send().json();
  }

  private static JsonObject obligation(long id, String kind) {
    return record(id).getJsonArray("obligations").stream().map(JsonObject.class::cast)
        .filter(o -> kind.equals(o.getString("kind"))).findFirst().orElseThrow();
  }

  private static JsonObject condition(long id, String kind) {
    return record(id).getJsonArray("checklist").stream().map(JsonObject.class::cast)
        .filter(o -> kind.equals(o.getString("kind"))).findFirst().orElseThrow();
  }
}
