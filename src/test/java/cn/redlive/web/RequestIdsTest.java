package cn.redlive.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Request ids in log lines")
class RequestIdsTest {

  @Test
  @DisplayName("each of 40 concurrent requests still sees its own id after an asynchronous step")
  void theIdFollowsItsRequest() throws Exception {
    RequestIds.register();
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      router.route().handler(new RequestIds());
      // a timer stands for a database or Redis call: the answer is written on a later turn of the event loop
      router.get("/id").handler(rc -> vertx.setTimer(1 + (long) (Math.random() * 20),
          t -> rc.end(String.valueOf(RequestIds.current()))));
      int port = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS).actualPort();
      WebClient client = WebClient.create(vertx);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        answers.add(client.get(port, "127.0.0.1", "/id").putHeader(RequestIds.HEADER, "req-" + i).send()
            .map(response -> response.bodyAsString()));
      }
      Future.all(answers).await(20, TimeUnit.SECONDS);
      for (int i = 0; i < 40; i++) assertEquals("req-" + i, answers.get(i).result());
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
