package cn.redlive.web;

import cn.redlive.core.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Unexpected failures")
class UnexpectedFailureTest {

  @Test
  @DisplayName("a bug in a handler answers 500 problem+json without a stack trace")
  void bugBecomes500(Vertx vertx, VertxTestContext test) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds());
    router.get("/boom").handler(rc -> {
      throw new IllegalStateException("secret internal detail at cn.redlive.Something");
    });
    router.route().failureHandler(new ProblemResponder());

    vertx.createHttpServer().requestHandler(router).listen(0)
        .compose((HttpServer server) -> WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", "/boom").send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(500, response.statusCode());
          assertEquals(Problem.MEDIA_TYPE, response.getHeader("Content-Type"));
          assertEquals(Problem.TYPE_BASE + "internal", response.bodyAsJsonObject().getString("type"));
          assertFalse(response.bodyAsString().contains("secret internal detail"));
          assertFalse(response.bodyAsString().contains("at cn.redlive"));
          assertTrue(response.bodyAsJsonObject().containsKey("requestId"));
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a failure caused by a stopped database answers 503 with Retry-After")
  void dependencyDownBecomes503(Vertx vertx, VertxTestContext test) {
    Router router = Router.router(vertx);
    router.get("/db").handler(rc -> rc.fail(new java.net.ConnectException("Connection refused")));
    router.route().failureHandler(new ProblemResponder());

    vertx.createHttpServer().requestHandler(router).listen(0)
        .compose(server -> WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", "/db").send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(503, response.statusCode());
          assertEquals("5", response.getHeader("Retry-After"));
          assertEquals(Problem.TYPE_BASE + "service-unavailable", response.bodyAsJsonObject().getString("type"));
          test.completeNow();
        })));
  }
}
