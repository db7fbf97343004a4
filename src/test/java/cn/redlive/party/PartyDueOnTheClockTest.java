package cn.redlive.party;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SettableClock;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The due view without an asOf reads the server's injected clock: the application is recorded on the day it is
 * made (nothing back-dated), and the clock, not the data, moves to the days around the talk's deadline.
 */
@DisplayName("The Party due view follows the server's clock across a deadline")
class PartyDueOnTheClockTest {

  private static final LocalDate APPLIED = LocalDate.of(2025, 3, 10);
  /** The talk is owed within one month of the application. */
  private static final LocalDate TALK_DEADLINE = LocalDate.of(2025, 4, 10);

  private static SettableClock clock;
  private static TestApp app;

  @BeforeAll
  static void start() {
    clock = SettableClock.at(APPLIED, LocalTime.of(9, 30));
    app = TestApp.start(Map.of(), clock);
  }

  @AfterAll
  static void stop() {
    if (app != null) app.stop();
  }

  @Test
  @DisplayName("the talk is due on the deadline day at 23:59 and overdue from 00:00 the next day, Asia/Shanghai")
  void dueThenOverdue() {
    Api api = app.api();
    People people = new People(api);
    long team = people.team();
    long id = people.streamer();
    people.join(id, team);
    people.ok(id, "application", APPLIED.toString());

    clock.set(APPLIED.plusDays(1), LocalTime.NOON);
    assertEquals(null, talkStatus(api, people, team, APPLIED.plusDays(1)), "the day after applying");

    clock.set(TALK_DEADLINE.minusDays(1), LocalTime.of(23, 59));
    assertEquals("due", talkStatus(api, people, team, TALK_DEADLINE.minusDays(1)), "the day before the deadline");

    clock.set(TALK_DEADLINE, LocalTime.of(23, 59));
    assertEquals("due", talkStatus(api, people, team, TALK_DEADLINE), "the deadline itself");

    clock.set(TALK_DEADLINE.plusDays(1), LocalTime.MIDNIGHT);
    assertEquals("overdue", talkStatus(api, people, team, TALK_DEADLINE.plusDays(1)), "the day after the deadline");
  }

  /** The talk's status in the due view as of the server's today, after checking that today is {@code expectedToday}. */
  private static String talkStatus(Api api, People people, long team, LocalDate expectedToday) {
    Reply reply = api.get("/api/v1/party/due?team=" + team + "&kind=talk").as(people.managerToken()).send();
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(expectedToday.toString(), reply.json().getString("asOf"), "the server's today");
    JsonArray items = reply.json().getJsonArray("items");
    return items.isEmpty() ? null : items.getJsonObject(0).getString("status");
  }
}
