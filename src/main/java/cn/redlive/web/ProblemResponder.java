package cn.redlive.web;

import cn.redlive.core.ProblemException;
import cn.redlive.core.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one place where failures become responses: every error the server sends, from an unknown route to a bug,
 * is RFC 9457 problem+json. Unexpected failures are logged with their stack trace; the body never carries one.
 */
public final class ProblemResponder implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponder.class);

  private final AllowedMethods allowed;

  /** For routers outside the contract. */
  public ProblemResponder() {
    this(new AllowedMethods());
  }

  public ProblemResponder(AllowedMethods allowed) {
    this.allowed = allowed;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerResponse response = rc.response();
    if (response.headWritten()) {
      log.warn("failure after the response started: {}", String.valueOf(rc.failure()));
      if (!response.ended()) response.reset();
      return;
    }
    ProblemException problem = toProblem(rc);
    problem.headers().forEach(response::putHeader);
    if (problem.problem().status() == 405) allowed.forPath(rc.request().path()).ifPresent(allow -> response.putHeader("Allow", allow));
    response.setStatusCode(problem.problem().status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(problem.problem().toJson(rc.request().path(), RequestIds.of(rc)).encode());
  }

  private static ProblemException toProblem(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure instanceof ProblemException p) return p;
    if (Unavailability.isDependencyDown(failure)) {
      log.warn("dependency unavailable: {}", failure.toString());
      return ProblemException.unavailable("A backing service (database or Redis) is unavailable; try again shortly.");
    }
    int status = rc.statusCode();
    if (failure != null && status < 400) status = 500;
    return switch (status) {
      case 400 -> failure == null ? ProblemException.badRequest("bad-request", "The request could not be read.")
          : ContractErrors.toProblem(failure);
      case 401 -> ProblemException.unauthorized("missing-token", "Authentication is required.");
      case 403 -> ProblemException.forbidden("forbidden", "You may not do this.");
      case 404 -> ProblemException.notFound("There is nothing at " + rc.request().path() + ".");
      case 405 -> new ProblemException(new Problem("method-not-allowed", "Method not allowed", 405,
          rc.request().method() + " is not supported on " + rc.request().path() + ".", List.of()));
      case 413 -> new ProblemException(new Problem("payload-too-large", "Payload too large", 413,
          "The request body is larger than this endpoint accepts.", List.of()));
      case 415 -> new ProblemException(new Problem("unsupported-media-type", "Unsupported media type", 415,
          "Send the body as application/json.", List.of()));
      case 503 -> ProblemException.unavailable("The service is unavailable; try again shortly.");
      default -> {
        log.error("unexpected failure on {} {}", rc.request().method(), rc.request().path(), failure);
        yield new ProblemException(new Problem("internal", "Internal server error", 500,
            "Something went wrong on our side. Quote the request id when you report it.", List.of()));
      }
    };
  }
}
