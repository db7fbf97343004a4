package cn.redlive.party;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Political status never reaches the logs")
class PartyNotLoggedTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("recording, refusing and reading Party steps logs no stage, step or date")
  void nothingInLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // the access log has its own (asynchronous) appender and does not pass lines on to the root logger
    Logger access = (Logger) LoggerFactory.getLogger("access");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    access.addAppender(captured);
    ch.qos.logback.classic.Level accessLevel = access.getLevel();
    access.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      var me = people.streamerWithLogin();
      people.ok(me.streamerId(), "application", "2020-01-17");
      people.step(me.streamerId(), "development_target", "2020-02-17");
      api.get("/api/v1/streamers/" + me.streamerId() + "/party").as(me.token()).send();
      api.get("/api/v1/streamers/" + me.streamerId() + "/party/audit").as(people.managerToken()).send();
      api.get("/api/v1/party/due?asOf=2020-02-01").as(people.managerToken()).send();
    } finally {
      root.detachAppender(captured);
      access.detachAppender(captured);
      access.setLevel(accessLevel);
    }
    List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertTrue(lines.stream().anyMatch(l -> l.contains("/party")), "the access log did run: " + lines);
    for (String word : List.of("applicant", "development_target", "2020-01-17", "2020-02-17", "stage-skipped", "asOf")) {
      assertTrue(lines.stream().noneMatch(l -> l.contains(word)), () -> word + " appears in " + lines);
    }
  }
}
