package cn.redlive.core;

import java.util.List;
import java.util.Map;

/** Fails a request with a problem; features throw or fail futures with these, the web layer renders them. */
public class ProblemException extends RuntimeException {

  private final Problem problem;
  private final Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.slug() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = headers;
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static ProblemException badRequest(String slug, String detail) {
    return new ProblemException(new Problem(slug, "Bad request", 400, detail, List.of()));
  }

  public static ProblemException validation(List<Problem.FieldError> errors) {
    String detail = errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid";
    return new ProblemException(new Problem("validation", "The request is not valid", 400, detail, errors));
  }

  public static ProblemException invalidField(String field, String message) {
    return validation(List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException unauthorized(String slug, String detail) {
    return new ProblemException(new Problem(slug, "Authentication required", 401, detail, List.of()),
        Map.of("WWW-Authenticate", "Bearer realm=\"redlive\""));
  }

  public static ProblemException forbidden(String slug, String detail) {
    return new ProblemException(new Problem(slug, "Forbidden", 403, detail, List.of()));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(new Problem("not-found", "Not found", 404, detail, List.of()));
  }

  public static ProblemException conflict(String slug, String detail) {
    return new ProblemException(new Problem(slug, "Conflict", 409, detail, List.of()));
  }

  /** A domain rule refused the change; the slug names the rule. */
  public static ProblemException ruleViolated(String slug, String detail) {
    return new ProblemException(new Problem(slug, "A business rule forbids this", 422, detail, List.of()));
  }

  public static ProblemException tooManyRequests(String slug, String detail, long retryAfterSeconds) {
    return new ProblemException(new Problem(slug, "Too many requests", 429, detail, List.of()),
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  public static ProblemException unavailable(String detail) {
    return new ProblemException(new Problem("service-unavailable", "Service temporarily unavailable", 503, detail, List.of()),
        Map.of("Retry-After", "5"));
  }
}
