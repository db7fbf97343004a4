package cn.redlive.party;

import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records kept before all 25 steps were modelled (schema version 60) open after the upgrade, every step kept. */
@DisplayName("Party records from the old model are migrated without losing a step")
class PartyMigrationTest {

  private static final String OLD_RECORD = """
      INSERT INTO streamers (real_name, stage_name, birth_date, joined_on) VALUES ('老党员', '老记录', '1990-01-01', '2019-01-01');
      INSERT INTO party_steps (streamer_id, kind, on_date, hours, details) VALUES
        (1, 'application', '2018-01-10', NULL, '{}'), (1, 'talk', '2018-01-20', NULL, '{}'),
        (1, 'activist', '2018-03-01', NULL, '{}'), (1, 'training', '2018-10-01', 24, '{}'),
        (1, 'development_target', '2019-03-05', NULL, '{}'),
        (1, 'branch_meeting', '2019-09-01', NULL, '{"entitledVoters": 20, "present": 15, "yesVotes": 12}'),
        (1, 'approval', '2019-10-01', NULL, '{}'), (1, 'full_membership', '2020-09-01', NULL, '{"notes": "转正"}');
      INSERT INTO party_records (streamer_id, stage, summary) VALUES (1, 'full_member',
        '{"stage": "full_member", "latestStepDates": {"application": "2018-01-10", "full_membership": "2020-09-01"}}');
      """;

  @Test
  @DisplayName("the merged full-membership step becomes application, vote and approval, and the record lists what is missing")
  void fullMembershipSplit() throws Exception {
    String url = TestServers.newDatabase("party_migration");
    String jdbc = "jdbc:" + url.replace("postgres@", "") + "?user=postgres";
    Flyway.configure().dataSource(jdbc, "postgres", null).locations("classpath:db/migration").target("60").load().migrate();
    try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
      s.execute(OLD_RECORD);
    }

    TestApp app = TestApp.start(Map.of("database.url", url));
    try {
      String manager = app.api().managerToken();
      Reply reply = app.api().get("/api/v1/streamers/1/party").as(manager).send();
      assertEquals(200, reply.status(), reply::toString);
      JsonObject record = reply.json();
      assertEquals("full_member", record.getString("stage"));
      JsonArray steps = record.getJsonArray("steps");
      assertEquals(List.of("application", "talk", "activist", "training", "development_target", "branch_meeting",
          "approval", "conversion_application", "conversion_meeting", "conversion_approval"),
          steps.stream().map(JsonObject.class::cast).map(st -> st.getString("kind")).toList());
      JsonObject approval = steps.getJsonObject(9);
      assertEquals("2020-09-01", approval.getString("on"));
      assertEquals("转正", approval.getJsonObject("details").getString("notes"));
      assertEquals("2020-09-01", record.getString("partyAgeFrom"));

      List<String> gaps = record.getJsonArray("gaps").stream().map(JsonObject.class::cast).map(g -> g.getString("kind")).toList();
      assertTrue(gaps.containsAll(List.of("sponsors", "political_review", "committee_review", "pre_review",
          "application_form", "committee_talk", "oath")), gaps::toString);
      JsonArray incomplete = record.getJsonArray("incomplete");
      assertEquals(3, incomplete.size(), incomplete::encode);
      assertEquals("conversion_meeting", incomplete.getJsonObject(0).getString("kind"));

      JsonObject audit = app.api().get("/api/v1/streamers/1/party/audit").as(manager).send().json()
          .getJsonArray("items").getJsonObject(0);
      assertEquals("migration:full_membership-split", audit.getString("action"));
      assertEquals("2020-09-01", audit.getJsonObject("after").getJsonObject("latestStepDates").getString("conversion_approval"));
      assertTrue(audit.getJsonObject("before").getJsonObject("latestStepDates").containsKey("full_membership"));

      // the archiving the 25-step rules owe after conversion is in the due view without a new write
      JsonObject owed = awaitOverdue(app, manager, "archiving");
      assertEquals("2020-10-01", owed.getString("dueOn"));
      String derived = derivedState(jdbc);
      TestApp again = TestApp.start(Map.of("database.url", url));
      try {
        Thread.sleep(2_000);
        assertEquals(derived, derivedState(jdbc), "a second start derives nothing again");
      } finally {
        again.stop();
      }

      Reply archived = app.api().post("/api/v1/streamers/1/party/steps").as(manager)
          .json(new JsonObject().put("kind", "archiving").put("on", "2020-10-01")).send();
      assertEquals(201, archived.status(), "a migrated record takes its next step: " + archived);
    } finally {
      app.stop();
    }
  }

  /** Start-up derives stale records in the background: wait for the obligation to show. */
  private static JsonObject awaitOverdue(TestApp app, String manager, String kind) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonArray items = app.api().get("/api/v1/party/due?status=overdue").as(manager).send().json().getJsonArray("items");
      for (Object item : items) {
        JsonObject due = (JsonObject) item;
        if (due.getLong("streamerId") == 1 && kind.equals(due.getString("kind"))) return due;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no overdue " + kind + " for the migrated record");
  }

  private static String derivedState(String jdbc) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
         var rows = s.executeQuery("SELECT derived_by, updated_at, (SELECT string_agg(kind || ' ' || due_on, ',' ORDER BY kind)"
             + " FROM party_obligations) FROM party_records WHERE streamer_id = 1")) {
      rows.next();
      return rows.getInt(1) + " " + rows.getString(2) + " " + rows.getString(3);
    }
  }
}
