package cn.redlive.web;

import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;

import java.util.HashMap;
import java.util.Map;

/**
 * Validates a request against its operation with vertx-openapi's own parameter and body checks, but on the calling
 * event loop. The library's {@code RequestValidator.validate} hands every request to a worker thread and back;
 * checking a few parameters and a small JSON body costs far less than those two thread hops.
 */
final class InlineRequestValidator {

  private final RequestValidatorImpl checks;

  InlineRequestValidator(Vertx vertx, OpenAPIContract contract) {
    this.checks = new RequestValidatorImpl(vertx, contract);
  }

  /** Throws the library's ValidatorException (or its subclasses) on the first invalid part. */
  ValidatedRequest validate(Operation operation, ValidatableRequest request) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      switch (parameter.getIn()) {
        case COOKIE -> cookies.put(parameter.getName(),
            checks.validateParameter(parameter, request.getCookies().get(parameter.getName())));
        case HEADER -> headers.put(parameter.getName(),
            checks.validateParameter(parameter, request.getHeaders().get(parameter.getName())));
        case PATH -> path.put(parameter.getName(),
            checks.validateParameter(parameter, request.getPathParameters().get(parameter.getName())));
        case QUERY -> query.put(parameter.getName(),
            checks.validateParameter(parameter, request.getQuery().get(parameter.getName())));
        default -> {
          // no other parameter locations exist in OpenAPI 3.1
        }
      }
    }
    RequestParameter body = checks.validateBody(operation.getRequestBody(), request);
    return new ValidatedRequestImpl(cookies, headers, path, query, body);
  }
}
