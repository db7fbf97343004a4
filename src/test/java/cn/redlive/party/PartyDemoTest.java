package cn.redlive.party;

import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import cn.redlive.support.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The demo data shows the whole road to membership")
class PartyDemoTest {

  @Test
  @DisplayName("demo streamers stand at every one of the 25 steps, and at an extension and a cancellation")
  void everyStep() {
    TestApp demo = TestApp.start(Map.of("demo", "true", "database.url", TestServers.newDatabase("party_demo")));
    try {
      String manager = demo.api().managerToken();
      Reply register = demo.api().get("/api/v1/party/records?size=100").as(manager).send();
      assertEquals(200, register.status(), register::toString);
      Set<Integer> furthest = new TreeSet<>();
      Set<String> outcomes = new TreeSet<>();
      for (Object entry : register.json().getJsonArray("items")) {
        long id = ((JsonObject) entry).getLong("streamerId");
        JsonObject record = demo.api().get("/api/v1/streamers/" + id + "/party").as(manager).send().json();
        int max = 0;
        for (Object step : record.getJsonArray("steps")) {
          JsonObject s = (JsonObject) step;
          if (s.getInteger("number") == null) outcomes.add(s.getString("kind"));
          else max = Math.max(max, s.getInteger("number"));
        }
        if (max > 0) furthest.add(max);
      }
      assertEquals(25, furthest.size(), "furthest steps reached: " + furthest);
      assertEquals(Set.of("extension", "cancellation"), outcomes);
    } finally {
      demo.stop();
    }
  }
}
