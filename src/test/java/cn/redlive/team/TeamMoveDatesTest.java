package cn.redlive.team;

import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Team moves dated in the past or the future")
class TeamMoveDatesTest {

  private final SalesKit sales = new SalesKit(TestApp.shared().api());

  @Test
  @DisplayName("a move back-dated before a booked sale is refused; dated after it, the sale stays with the old team")
  void backDatedPastBookedSalesIsRefused() {
    long red = sales.people().team();
    long blue = sales.people().team();
    People.LoggedIn streamer = sales.streamerInTeam(red, "2025-10-01T00:00:00+08:00");
    String sale = LiveKit.uniqueId("o");
    sales.imported(csv(order(sale, "2025-10-25 10:00", streamer, sales.product().id(), "100.00")));

    Reply backDated = move(streamer.streamerId(), blue, "2025-10-20T00:00:00+08:00");
    Reply afterSale = move(streamer.streamerId(), blue, "2025-10-25T10:00:01+08:00");

    assertEquals(422, backDated.status(), backDated::toString);
    assertEquals("https://redlive.cn/problems/sales-booked-after-move", backDated.json().getString("type"));
    assertEquals(200, afterSale.status(), afterSale::toString);
    JsonObject entry = sales.get("/api/v1/sales/entries?orderId=" + sale).getJsonArray("items").getJsonObject(0);
    assertEquals(red, entry.getLong("teamId"));
  }

  @Test
  @DisplayName("a move dated tomorrow leaves the streamer in the old team today and takes effect on its moment")
  void futureMoveTakesEffectOnItsDay() throws Exception {
    long red = sales.people().team();
    long blue = sales.people().team();
    People.LoggedIn streamer = sales.streamerInTeam(red, "2025-01-01T00:00:00+08:00");
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

    Reply moved = move(streamer.streamerId(), blue, tomorrow.toString());

    assertEquals(200, moved.status(), moved::toString);
    assertEquals(red, teamOf(streamer));
    assertFalse(members(blue).contains("\"streamerId\":" + streamer.streamerId()), "not a member of the new team yet");
    assertTrue(members(red).contains("\"streamerId\":" + streamer.streamerId()));

    Pool pool = TestApp.shared().newPool(1);
    try {
      Clock dayAfter = Clock.fixed(tomorrow.plusSeconds(1), java.time.ZoneOffset.UTC);
      TeamMembership later = new TeamService(new TeamRepository(pool), dayAfter, (tx, id) -> Future.succeededFuture(Optional.empty())).memberships();
      assertTrue(later.applyDueMoves(Duration.ofDays(2)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS) >= 1);
      assertEquals(0, later.applyDueMoves(Duration.ofDays(2)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS),
          "applying again changes nothing");
    } finally {
      pool.close();
    }
    assertEquals(blue, teamOf(streamer));
  }

  private long teamOf(People.LoggedIn streamer) {
    return sales.get("/api/v1/streamers/" + streamer.streamerId()).getLong("teamId");
  }

  private String members(long team) {
    return sales.get("/api/v1/teams/" + team).getJsonArray("currentMembers").encode();
  }

  private Reply move(long streamerId, long teamId, String from) {
    return TestApp.shared().api().put("/api/v1/teams/" + teamId + "/members/" + streamerId).as(sales.manager())
        .json(new JsonObject().put("from", from)).send();
  }
}
