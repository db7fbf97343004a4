package cn.redlive.web;

import cn.redlive.core.ProblemException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request's declared parameters as the router decoded them, once. vertx-openapi's own extraction URL-decodes
 * query values a second time: {@code ?brandId=%2531} was validated as 1 while the handler read "%31" (a 500),
 * {@code ?status=%2570ending} passed the enum as "pending", and a search for a literal % failed to decode (400).
 * Here validator and handler see the same value. A scalar parameter given twice is refused, as neither would know
 * which one counts.
 */
final class RequestValues {

  private RequestValues() {
  }

  static ValidatableRequest of(RoutingContext rc, Operation operation, Buffer body) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      String name = parameter.getName();
      switch (parameter.getIn()) {
        case PATH -> path.put(name, ContractValues.value(rc.pathParam(name)));
        case QUERY -> query.put(name, ContractValues.value(single(name, rc.queryParams().getAll(name))));
        case HEADER -> headers.put(name, ContractValues.value(single(name, rc.request().headers().getAll(name))));
        case COOKIE -> {
          Cookie cookie = rc.request().getCookie(name);
          cookies.put(name, ContractValues.value(cookie == null ? null : cookie.getValue()));
        }
        default -> {
          // no other parameter locations exist in OpenAPI 3.1
        }
      }
    }
    RequestParameter content = ContractValues.value(body == null ? Buffer.buffer() : body);
    return new Values(cookies, headers, path, query, content, rc.request().getHeader("Content-Type"));
  }

  private static String single(String name, List<String> values) {
    if (values.isEmpty()) return null;
    if (values.size() > 1) throw ProblemException.invalidField(name, "must be given once");
    return values.get(0);
  }

  private record Values(Map<String, RequestParameter> getCookies, Map<String, RequestParameter> getHeaders,
                        Map<String, RequestParameter> getPathParameters, Map<String, RequestParameter> getQuery,
                        RequestParameter getBody, String getContentType) implements ValidatableRequest {
  }
}
