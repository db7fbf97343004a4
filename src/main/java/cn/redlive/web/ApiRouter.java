package cn.redlive.web;

import cn.redlive.core.PrincipalCheck;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Problem;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatedRequest;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the /api/v1 router from the OpenAPI contract. Each operation declares who may call it with
 * {@code x-roles} (or {@code x-public: true}); the chain per route is: authenticate, check role, check object
 * access, validate against the contract, run the feature's handler. The server refuses to start when an
 * operation has no handler or no declared roles, so no route is left open by accident.
 */
public final class ApiRouter {

  private final Vertx vertx;
  private final OpenAPIContract contract;
  private final Tokens tokens;
  private final PrincipalCheck principalCheck;
  private final InlineRequestValidator validator;

  private ApiRouter(Vertx vertx, OpenAPIContract contract, Tokens tokens, PrincipalCheck principalCheck) {
    this.vertx = vertx;
    this.contract = contract;
    this.tokens = tokens;
    this.principalCheck = principalCheck;
    this.validator = new InlineRequestValidator(vertx, contract);
  }

  public static final String CONTRACT_PATH = "openapi/redlive.yaml";
  /** Where the API router is mounted. */
  public static final String BASE_PATH = "/api/v1";

  /**
   * Loads the contract for validation. vertx-openapi 5.0 refuses media types outside its short list, so
   * application/problem+json is read as application/json, text/csv as text/plain and XLSX as
   * application/octet-stream, text/event-stream and text/html (printable records) as text/plain here (responses are not validated; CSV/XLSX request bodies only reach streamed
   * routes); the document clients download stays exactly as written.
   */
  public static Future<OpenAPIContract> loadContract(Vertx vertx) {
    return vertx.fileSystem().readFile(CONTRACT_PATH)
        .map(ApiRouter::parseYaml)
        .map(ContractRanges::requireBounds)
        .map(ApiRouter::forValidator)
        .compose(raw -> OpenAPIContract.from(vertx, raw));
  }

  private static JsonObject parseYaml(Buffer yaml) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(yaml.getBytes(), Map.class);
      return new JsonObject(tree);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the OpenAPI contract is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static JsonObject forValidator(JsonObject node) {
    JsonObject copy = new JsonObject();
    node.forEach(entry -> {
      String key = VALIDATOR_MEDIA_TYPES.getOrDefault(entry.getKey(), entry.getKey());
      copy.put(key, rewrite(entry.getValue()));
    });
    return copy;
  }

  private static final Map<String, String> VALIDATOR_MEDIA_TYPES = Map.of(
      Problem.MEDIA_TYPE, "application/json",
      "text/csv", "text/plain",
      "text/event-stream", "text/plain",
      "text/html", "text/plain",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream");

  private static Object rewrite(Object value) {
    if (value instanceof JsonObject object) return forValidator(object);
    if (value instanceof Map<?, ?> map) return forValidator(new JsonObject(castMap(map)));
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(rewrite(item)));
      return copy;
    }
    if (value instanceof List<?> list) return rewrite(new JsonArray(new java.util.ArrayList<>(list)));
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  public static Router create(Vertx vertx, OpenAPIContract contract, ApiRoutes routes, Tokens tokens,
                              PrincipalCheck principalCheck, long bodyLimitBytes) {
    return new ApiRouter(vertx, contract, tokens, principalCheck).build(routes, bodyLimitBytes);
  }

  private Router build(ApiRoutes routes, long bodyLimitBytes) {
    RouterBuilder builder = RouterBuilder.create(vertx, contract);
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(bodyLimitBytes));
    Set<String> unbound = new TreeSet<>(routes.operationIds());
    for (OpenAPIRoute route : builder.getRoutes()) {
      Operation operation = route.getOperation();
      String id = operation.getOperationId();
      // streamed uploads are mounted on the root router, outside this router's body handler (see mountStreamed)
      if (isStreamed(operation)) continue;
      ApiRoutes.Binding binding = routes.binding(id)
          .orElseThrow(() -> new IllegalStateException("no handler for operation " + id));
      unbound.remove(id);
      // security and validation run in our own order below: a caller learns nothing before authenticating
      route.setDoSecurity(false).setDoValidation(false);
      route.addHandler(HttpMetrics.routeLabel(BASE_PATH + operation.getOpenAPIPath()));
      if (!isPublic(operation)) {
        Set<Role> roles = declaredRoles(operation);
        route.addHandler(new Authenticate(tokens, principalCheck, roles, isAllowedBeforePasswordChange(operation)));
        binding.access().ifPresent(access -> route.addHandler(objectAccess(access)));
      }
      route.addHandler(validate(operation));
      route.addHandler(binding.handler());
    }
    if (!unbound.isEmpty()) throw new IllegalStateException("handlers for operations missing from the contract: " + unbound);
    return builder.createRouter();
  }

  /**
   * {@code x-streamed: true} marks an operation whose request body is too large to buffer (catalog uploads):
   * it stays documented here, but its route lives on the root router with {@link Authenticate} and its own limit.
   */
  private static boolean isStreamed(Operation operation) {
    return Boolean.TRUE.equals(operation.getExtensions().get("x-streamed"));
  }

  /**
   * Mounts the streamed operations features registered with {@link ApiRoutes#stream} on {@code root}, ahead of the
   * API router: the request is paused, authenticated against the operation's x-roles, then handed over unread.
   */
  public static void mountStreamed(Router root, OpenAPIContract contract, ApiRoutes routes, Tokens tokens,
                                   PrincipalCheck principalCheck) {
    routes.streamed().forEach((id, handler) -> {
      Operation operation = contract.operation(id);
      if (operation == null || !isStreamed(operation)) {
        throw new IllegalStateException("no streamed operation " + id + " in the contract");
      }
      String path = BASE_PATH + operation.getOpenAPIPath().replaceAll("\\{([^}]+)}", ":$1");
      root.route(HttpMethod.valueOf(operation.getHttpMethod().name()), path)
          .handler(rc -> {
            // the body must wait until we know who sends it
            rc.request().pause();
            rc.next();
          })
          .handler(new Authenticate(tokens, principalCheck, declaredRoles(operation)))
          .handler(handler);
    });
  }

  /**
   * {@code x-before-password-change: true} marks what an account may do while it still has a temporary password
   * (change it, log out); every other operation answers 403 {@code password-change-required} until then.
   */
  private static boolean isAllowedBeforePasswordChange(Operation operation) {
    return Boolean.TRUE.equals(operation.getExtensions().get("x-before-password-change"));
  }

  private static boolean isPublic(Operation operation) {
    return Boolean.TRUE.equals(operation.getExtensions().get("x-public"));
  }

  private static Set<Role> declaredRoles(Operation operation) {
    Object declared = operation.getExtensions().get("x-roles");
    if (!(declared instanceof JsonArray list) || list.isEmpty()) {
      throw new IllegalStateException("operation " + operation.getOperationId() + " declares neither x-roles nor x-public");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object code : list) {
      roles.add(Role.fromCode(String.valueOf(code))
          .orElseThrow(() -> new IllegalStateException("unknown role " + code + " in " + operation.getOperationId())));
    }
    return roles;
  }

  private static Handler<RoutingContext> objectAccess(ObjectAccess access) {
    return rc -> access.allows(CurrentPrincipal.of(rc), rc)
        .onSuccess(allowed -> {
          if (allowed) rc.next();
          else rc.fail(ProblemException.notFound("No such object, or it is not yours."));
        })
        .onFailure(rc::fail);
  }

  private Handler<RoutingContext> validate(Operation operation) {
    if (operation.getParameters().isEmpty() && operation.getRequestBody() == null) {
      // nothing declared, nothing to check (the library ignores undeclared parameters and bodies too): skip
      // extracting the request for it
      return rc -> {
        rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, InlineRequestValidator.NOTHING_DECLARED);
        rc.next();
      };
    }
    return rc -> {
      Buffer body = rc.body() == null || rc.body().buffer() == null ? null : rc.body().buffer();
      ValidatedRequest validated;
      try {
        validated = validator.validate(operation, RequestValues.of(rc, operation, body));
      } catch (RuntimeException e) {
        rc.fail(body != null && isJson(rc) && !ContractErrors.isWellFormedJson(body)
            ? ProblemException.badRequest("malformed-json", "The request body is not well-formed JSON.")
            : ContractErrors.toProblem(e));
        return;
      }
      rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
      rc.next();
    };
  }

  /** The JSON body as the validator decoded it, its text cleaned by {@link TextRules}; hot routes do not parse it twice. */
  public static JsonObject jsonBody(RoutingContext rc) {
    ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    if (validated != null && validated.getBody() != null && validated.getBody().get() instanceof JsonObject json) {
      return json;
    }
    return rc.body().asJsonObject();
  }

  private static boolean isJson(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    return type != null && type.toLowerCase().contains("json");
  }

  static List<String> rolesOf(Operation operation) {
    return declaredRoles(operation).stream().map(Role::code).toList();
  }
}
