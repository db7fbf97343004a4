package cn.redlive.live;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.TestApp;
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
}
