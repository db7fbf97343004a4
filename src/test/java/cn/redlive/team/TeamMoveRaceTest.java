package cn.redlive.team;

import cn.redlive.support.Eventually;
import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sale and a back-dated move of the same streamer at the same moment: each transaction is held open on its own
 * connection while the other starts, so the test sees the order the database puts them in.
 */
@DisplayName("A sale and a team move booked at the same moment")
class TeamMoveRaceTest {

  private static final String INSERT_SALE = """
      INSERT INTO sales_orders (order_id, streamer_account_id, product_id, quantity, amount_fen, channel, ordered_at)
      VALUES ($1, $2, $3, 1, 1000, 'douyin', $4)
      """;
  private static Pool pool;

  private final SalesKit sales = new SalesKit(TestApp.shared().api());

  @BeforeAll
  static void connect() {
    pool = TestApp.shared().newPool(3);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Test
  @DisplayName("a back-dated move that waits for a sale being booked sees the sale and is refused")
  void moveWaitsForTheSale() throws Exception {
    long red = sales.people().team();
    long blue = sales.people().team();
    People.LoggedIn streamer = sales.streamerInTeam(red, "2025-01-01T00:00:00+08:00");
    Instant saleAt = Instant.now().minusSeconds(60);
    String sale = LiveKit.uniqueId("race");

    SqlConnection connection = await(pool.getConnection());
    try {
      Transaction booking = await(connection.begin());
      await(connection.preparedQuery(INSERT_SALE).execute(Tuple.of(sale, streamer.user().id(), sales.product().id(),
          saleAt.atOffset(ZoneOffset.UTC))));
      CompletableFuture<Reply> move = CompletableFuture.supplyAsync(() -> move(streamer.streamerId(), blue, saleAt.minusSeconds(60)));
      awaitWaiting("the move waits for the sale", "%FROM streamers WHERE id = $1 FOR UPDATE%");
      await(booking.commit());

      Reply moved = move.get(20, TimeUnit.SECONDS);
      assertEquals(422, moved.status(), moved::toString);
      assertEquals("https://redlive.cn/problems/sales-booked-after-move", moved.json().getString("type"));
      assertEquals(red, teamOf(sale));
    } finally {
      connection.close();
    }
  }

  @Test
  @DisplayName("a sale booked while a move is being recorded waits for it and goes to the new team")
  void saleWaitsForTheMove() throws Exception {
    long red = sales.people().team();
    long blue = sales.people().team();
    People.LoggedIn streamer = sales.streamerInTeam(red, "2025-01-01T00:00:00+08:00");
    long product = sales.product().id();
    Instant movedAt = Instant.now().minusSeconds(120);
    String sale = LiveKit.uniqueId("race");

    SqlConnection moving = await(pool.getConnection());
    SqlConnection booking = await(pool.getConnection());
    try {
      // what TeamMembership.move does in its transaction: lock the streamer, close the membership, open the next
      Transaction move = await(moving.begin());
      await(moving.preparedQuery("SELECT 1 FROM streamers WHERE id = $1 FOR UPDATE").execute(Tuple.of(streamer.streamerId())));
      await(moving.preparedQuery("UPDATE team_memberships SET until_at = $2 WHERE streamer_id = $1 AND until_at IS NULL")
          .execute(Tuple.of(streamer.streamerId(), movedAt.atOffset(ZoneOffset.UTC))));
      await(moving.preparedQuery("INSERT INTO team_memberships (streamer_id, team_id, from_at) VALUES ($1, $2, $3)")
          .execute(Tuple.of(streamer.streamerId(), blue, movedAt.atOffset(ZoneOffset.UTC))));
      Future<?> booked = booking.preparedQuery(INSERT_SALE).execute(Tuple.of(sale, streamer.user().id(), product,
          Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC)));
      awaitWaiting("the sale waits for the move", "%INSERT INTO sales_orders%");
      await(move.commit());
      await(booked);

      assertEquals(blue, teamOf(sale));
    } finally {
      moving.close();
      booking.close();
    }
  }

  /** Until a statement of this database whose text is like {@code pattern} waits for a lock. */
  private static void awaitWaiting(String what, String pattern) {
    Eventually.await(what, Duration.ofSeconds(10), () -> pool.preparedQuery("""
        SELECT count(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1
        """).execute(Tuple.of(pattern)).toCompletionStage().toCompletableFuture().join().iterator().next().getLong("n"), n -> n == 1);
  }

  private long teamOf(String orderId) {
    JsonObject entry = sales.get("/api/v1/sales/entries?orderId=" + orderId).getJsonArray("items").getJsonObject(0);
    return entry.getLong("teamId");
  }

  private Reply move(long streamerId, long teamId, Instant from) {
    return TestApp.shared().api().put("/api/v1/teams/" + teamId + "/members/" + streamerId).as(sales.manager())
        .json(new JsonObject().put("from", from.toString())).send();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
