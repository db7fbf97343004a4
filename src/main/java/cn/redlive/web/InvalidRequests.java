package cn.redlive.web;

import cn.redlive.core.Problem;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * Requests the HTTP decoder could not read (headers past 8 KB, a request line too long, garbage): Vert.x answers them
 * with an empty body; here they get a problem+json like every other refusal. The connection is closed afterwards,
 * as the rest of what it carries cannot be trusted to start a new request.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    Problem problem;
    if (cause instanceof TooLongHttpHeaderException) {
      problem = new Problem("headers-too-large", "Request header fields too large", 431,
          "The request's headers exceed 8 KB.", List.of());
    } else if (cause instanceof TooLongHttpLineException) {
      problem = new Problem("uri-too-long", "URI too long", 414, "The request line exceeds 4 KB.", List.of());
    } else {
      problem = new Problem("bad-request", "Bad request", 400, "The request could not be read as HTTP.", List.of());
    }
    request.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Connection", "close")
        .end(problem.toJson(null, null).encode())
        .onComplete(done -> request.connection().close());
  }
}
