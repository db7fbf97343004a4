package cn.redlive.team;

import cn.redlive.platform.Database;
import cn.redlive.support.People;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service later features (sales attribution) call; exercised on the same database the server uses. */
@DisplayName("A sale is attributed to the team at the time of the sale")
class TeamAtTest {

  @Test
  @DisplayName("teamAt answers the team of each moment, changing exactly at the move")
  void teamAtEachMoment() throws Exception {
    var api = TestApp.shared().api();
    People people = new People(api);
    long red = people.team();
    long blue = people.team();
    long id = people.streamer();
    for (Object[] move : new Object[][] {{red, "2025-01-01T00:00:00Z"}, {blue, "2025-03-01T00:00:00Z"}}) {
      api.put("/api/v1/teams/" + move[0] + "/members/" + id).as(people.managerToken())
          .json(new JsonObject().put("from", move[1])).send();
    }
    var vertx = TestApp.shared().server().vertx();
    Pool pool = Database.pool(vertx, Database.connectOptions(TestServers.postgres().url(), "", ""), 1);
    try {
      TeamMembership memberships = new TeamService(new TeamRepository(pool), java.time.Clock.systemUTC(), (tx, streamer) -> io.vertx.core.Future.succeededFuture(Optional.empty())).memberships();
      assertEquals(Optional.empty(), teamAt(memberships, id, "2024-12-31T23:59:59Z"));
      assertEquals(Optional.of(red), teamAt(memberships, id, "2025-01-01T00:00:00Z"));
      assertEquals(Optional.of(red), teamAt(memberships, id, "2025-02-28T23:59:59Z"));
      assertEquals(Optional.of(blue), teamAt(memberships, id, "2025-03-01T00:00:00Z"));
    } finally {
      pool.close();
    }
  }

  private static Optional<Long> teamAt(TeamMembership memberships, long id, String at) throws Exception {
    return memberships.teamAt(id, Instant.parse(at)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
