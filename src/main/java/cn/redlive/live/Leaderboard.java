package cn.redlive.live;

import io.lettuce.core.ScoredValue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Today's leaderboards by streamer and by team. Redis keeps each session's GMV of the day (absolute values);
 * the ranking sums them per streamer or per team, so a retried batch can never inflate a total.
 */
final class Leaderboard {

  private final LiveCounters counters;
  private final SessionRepository repository;
  private final SessionRules rules;

  Leaderboard(LiveCounters counters, SessionRepository repository, SessionRules rules) {
    this.counters = counters;
    this.repository = repository;
    this.rules = rules;
  }

  Future<JsonObject> ranking(LocalDate day, boolean byTeam) {
    return counters.leaderboard(day).compose(scores -> {
      if (scores.isEmpty()) return Future.succeededFuture(envelope(day, byTeam, new JsonArray()));
      Map<Long, Long> gmvBySession = new HashMap<>();
      for (ScoredValue<String> s : scores) gmvBySession.put(Long.parseLong(s.getValue()), (long) s.getScore());
      List<Long> sessionIds = new ArrayList<>(gmvBySession.keySet());
      // the day's board says which sessions sold; while a session's counters last, its amount comes from them, the
      // number its GMV tile reads, so a ranking and a tile read at the same moment agree (the board's score is
      // written just after the counters, and a reader between the two saw them differ)
      var tiles = counters.gmvOf(sessionIds);
      var found = repository.owners(sessionIds);
      // names are the account feature's; a team ranking shows none
      var names = byTeam ? Future.succeededFuture(Map.<Long, String>of())
          : found.compose(owners -> rules.streamerNames(owners.stream().map(SessionRepository.Owner::streamerId).toList()));
      return Future.all(tiles, found, names).map(done -> {
        gmvBySession.putAll(tiles.result());
        List<SessionRepository.Owner> owners = found.result();
        Map<String, JsonObject> rows = new HashMap<>();
        for (SessionRepository.Owner owner : owners) {
          if (byTeam && owner.teamId() == null) continue;
          String key = byTeam ? "t" + owner.teamId() : "s" + owner.streamerId();
          JsonObject row = rows.computeIfAbsent(key, k -> byTeam
              ? new JsonObject().put("teamId", owner.teamId()).put("gmvFen", 0L).put("sessions", 0)
              : new JsonObject().put("streamerAccountId", owner.streamerId()).put("name", names.result().get(owner.streamerId()))
                  .put("gmvFen", 0L).put("sessions", 0));
          row.put("gmvFen", row.getLong("gmvFen") + gmvBySession.get(owner.sessionId()));
          row.put("sessions", row.getInteger("sessions") + 1);
        }
        List<JsonObject> sorted = new ArrayList<>(rows.values());
        sorted.sort((a, b) -> Long.compare(b.getLong("gmvFen"), a.getLong("gmvFen")));
        JsonArray items = new JsonArray();
        for (int i = 0; i < sorted.size(); i++) items.add(sorted.get(i).put("rank", i + 1));
        return envelope(day, byTeam, items);
      });
    });
  }

  private static JsonObject envelope(LocalDate day, boolean byTeam, JsonArray items) {
    return new JsonObject().put("day", day.toString()).put("by", byTeam ? "team" : "streamer").put("items", items);
  }
}
