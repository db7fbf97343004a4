package cn.redlive.web;

import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The methods the contract declares for each API path, for the {@code Allow} header a 405 must carry (RFC 9110). */
public final class AllowedMethods {

  private record PathMethods(Pattern path, String allow) {
  }

  private final List<PathMethods> paths = new ArrayList<>();

  /** Knows no path: a 405 then goes without Allow. */
  AllowedMethods() {
  }

  public AllowedMethods(OpenAPIContract contract) {
    Map<String, TreeSet<String>> byPath = new LinkedHashMap<>();
    for (Operation operation : contract.operations()) {
      byPath.computeIfAbsent(operation.getOpenAPIPath(), p -> new TreeSet<>()).add(operation.getHttpMethod().name());
    }
    byPath.forEach((template, methods) -> paths.add(new PathMethods(
        Pattern.compile(Pattern.quote(ApiRouter.BASE_PATH + template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")),
        String.join(", ", methods))));
  }

  /** The Allow header's value for a request path, when the contract knows the path. */
  public Optional<String> forPath(String path) {
    for (PathMethods candidate : paths) {
      if (candidate.path().matcher(path).matches()) return Optional.of(candidate.allow());
    }
    return Optional.empty();
  }
}
