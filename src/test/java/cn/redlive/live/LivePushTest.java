package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Live push over server-sent events")
class LivePushTest {

  private final Api api = TestApp.shared().api();
  private final LiveKit live = new LiveKit(api);

  @Test
  @DisplayName("the big screen receives the counters, and sees them move after events are ingested")
  void bigScreenSeesCountersMove(Vertx vertx, VertxTestContext test) throws Exception {
    var session = live.liveSession();
    String ingest = api.newUser("ingest").token();
    String manager = api.managerToken();
    int port = TestApp.shared().server().port();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"));

    client.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setURI("/api/v1/live/sessions/" + session.sessionId() + "/stream")
            .putHeader("Authorization", "Bearer " + manager))
        .compose(request -> request.send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(200, response.statusCode());
          assertTrue(response.getHeader("Content-Type").startsWith("text/event-stream"));
          RecordParser events = RecordParser.newDelimited("\n\n", response);
          events.handler(event -> {
            String text = event.toString();
            if (!text.startsWith("event: counters")) return;
            JsonObject counters = new JsonObject(text.substring(text.indexOf("data: ") + 6));
            if (counters.getLong("likes") == 9 && counters.getLong("gmvFen") == 4200
                && !counters.getJsonObject("series").getJsonArray("gmvFenPerMinute").isEmpty()) {
              test.completeNow();
            }
          });
          vertx.executeBlocking(() -> live.send(ingest, batch("screen", 1, like(session.sessionId(), 9),
              order(session.sessionId(), session.productId(), 4200))));
        })));
    assertTrue(test.awaitCompletion(10, TimeUnit.SECONDS), "the pushed counters show the ingested events");
    if (test.failed()) throw new AssertionError(test.causeOfFailure());
  }

  @Test
  @DisplayName("a stream ends with an 'ended' frame when its session ends")
  void theStreamEndsWithItsSession(Vertx vertx) throws Exception {
    var session = live.liveSession();
    Future<List<String>> events = follow(vertx, TestApp.shared(), session.sessionId(), session.streamer().token());
    awaitFrame(events, "counters");

    assertEquals(200, api.post("/api/v1/live/sessions/" + session.sessionId() + "/end").as(session.streamer().token())
        .send().status());

    List<String> seen = events.await(15, TimeUnit.SECONDS);
    assertEquals("ended", seen.get(seen.size() - 1), () -> "frames: " + seen);
  }

  @Test
  @DisplayName("a streamer's stream is closed, naming the reason, when a manager disables the account")
  void theStreamClosesWhenTheAccountIsDisabled(Vertx vertx) throws Exception {
    var session = live.liveSession();
    Future<List<String>> events = follow(vertx, TestApp.shared(), session.sessionId(), session.streamer().token());
    awaitFrame(events, "counters");

    assertEquals(200, api.post("/api/v1/accounts/" + session.streamer().id() + "/disable").as(api.managerToken())
        .send().status());

    List<String> seen = events.await(15, TimeUnit.SECONDS);
    assertEquals("closed account-disabled", seen.get(seen.size() - 1), () -> "frames: " + seen);
  }

  @Test
  @DisplayName("a stream ends with a 'reconnect' frame once it has sent its byte budget, and the reader may come back")
  void aStreamEndsAfterItsByteBudget(Vertx vertx) throws Exception {
    TestApp app = TestApp.start(Map.of("live.streamBytes", "1500"));
    try {
      LiveKit kit = new LiveKit(app.api());
      var session = kit.liveSession();
      List<String> first = follow(vertx, app, session.sessionId(), session.streamer().token()).await(20, TimeUnit.SECONDS);
      assertEquals("reconnect", first.get(first.size() - 1), () -> "frames: " + first);
      assertTrue(first.contains("counters"), () -> "frames: " + first);

      List<String> again = follow(vertx, app, session.sessionId(), session.streamer().token()).await(20, TimeUnit.SECONDS);
      assertTrue(again.contains("counters"), () -> "frames after reconnecting: " + again);
    } finally {
      app.stop();
    }
  }

  /**
   * The frames' event names (with a closed frame's reason) until the server ends the stream; {@link #awaitFrame}
   * waits for one of them while the stream still runs.
   */
  private final Map<Future<List<String>>, List<String>> sofar = new ConcurrentHashMap<>();

  private Future<List<String>> follow(Vertx vertx, TestApp app, long sessionId, String token) {
    List<String> names = new CopyOnWriteArrayList<>();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(app.server().port())
        .setDefaultHost("127.0.0.1"));
    Future<List<String>> ended = client.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setURI("/api/v1/live/sessions/" + sessionId + "/stream").putHeader("Authorization", "Bearer " + token))
        .compose(request -> request.send())
        .compose(response -> {
          assertEquals(200, response.statusCode());
          Promise<List<String>> done = Promise.promise();
          RecordParser frames = RecordParser.newDelimited("\n\n", response);
          frames.handler(frame -> {
            String text = frame.toString();
            if (!text.startsWith("event: ")) return;
            String name = text.substring(7, text.indexOf('\n'));
            if (name.equals("closed")) name += " " + new JsonObject(text.substring(text.indexOf("data: ") + 6)).getString("reason");
            names.add(name);
          });
          response.endHandler(v -> done.complete(names));
          response.exceptionHandler(done::tryFail);
          return done.future();
        });
    sofar.put(ended, names);
    return ended;
  }

  private void awaitFrame(Future<List<String>> events, String name) throws InterruptedException {
    for (int i = 0; i < 100 && !sofar.get(events).contains(name); i++) Thread.sleep(100);
    assertTrue(sofar.get(events).contains(name), () -> "no " + name + " frame in " + sofar.get(events));
  }
}
