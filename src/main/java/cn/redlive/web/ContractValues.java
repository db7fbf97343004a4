package cn.redlive.web;

import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

import java.util.Map;
import java.util.Objects;

/**
 * Values of vertx-openapi's public {@link RequestParameter} and {@link ValidatedRequest} interfaces, so that the
 * router and the inline validator need none of the library's {@code impl} classes to hand validated values on.
 */
final class ContractValues {

  private ContractValues() {
  }

  static RequestParameter value(Object raw) {
    return new Value(raw);
  }

  /** In the library's argument order: cookies, headers, path, query, body. */
  static ValidatedRequest validated(Map<String, RequestParameter> cookies, Map<String, RequestParameter> headers,
                                    Map<String, RequestParameter> path, Map<String, RequestParameter> query,
                                    RequestParameter body) {
    return new Validated(readOnly(cookies), readOnly(headers), readOnly(path), readOnly(query), body);
  }

  private static Map<String, RequestParameter> readOnly(Map<String, RequestParameter> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(map);
  }

  private static final class Value implements RequestParameter {
    private final Object raw;

    private Value(Object raw) {
      this.raw = raw;
    }

    @Override
    public Object get() {
      return raw;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RequestParameter p && Objects.equals(raw, p.get());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(raw);
    }
  }

  private record Validated(Map<String, RequestParameter> cookies, Map<String, RequestParameter> headers,
                           Map<String, RequestParameter> path, Map<String, RequestParameter> query,
                           RequestParameter body) implements ValidatedRequest {
    @Override
    public Map<String, RequestParameter> getCookies() {
      return cookies;
    }

    @Override
    public Map<String, RequestParameter> getHeaders() {
      return headers;
    }

    @Override
    public Map<String, RequestParameter> getPathParameters() {
      return path;
    }

    @Override
    public Map<String, RequestParameter> getQuery() {
      return query;
    }

    @Override
    public RequestParameter getBody() {
      return body;
    }
  }
}
