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
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.validation.ValidatedRequest;

import java.util.EnumSet;
import java.util.LinkedHashMap;
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

  /**
   * Mounts the contract's operations on {@code root} under {@link #BASE_PATH}, one router per first path segment
   * ({@code /me}, {@code /live}, ...). Vert.x tests a router's routes one by one: with all 90 operations in one
   * router, {@code GET /me} was tested against 67 paths first, a sixth of a trivial request's CPU; by segment it
   * is about 20 prefix checks and a handful of paths. Each segment router buffers bodies up to the limit and hands
   * failures to {@code failures}.
   */
  public static void mount(Router root, Vertx vertx, OpenAPIContract contract, ApiRoutes routes, Tokens tokens,
                           PrincipalCheck principalCheck, long bodyLimitBytes, Handler<RoutingContext> failures) {
    new ApiRouter(vertx, contract, tokens, principalCheck).build(root, routes, bodyLimitBytes, failures);
  }

  private void build(Router root, ApiRoutes routes, long bodyLimitBytes, Handler<RoutingContext> failures) {
    Map<String, Router> bySegment = new LinkedHashMap<>();
    Set<String> unbound = new TreeSet<>(routes.operationIds());
    for (Path path : contract.getPaths()) {
      for (Operation operation : path.getOperations()) {
        String id = operation.getOperationId();
        // streamed uploads are mounted on the root router, outside the body handler (see mountStreamed)
        if (isStreamed(operation)) continue;
        ApiRoutes.Binding binding = routes.binding(id)
            .orElseThrow(() -> new IllegalStateException("no handler for operation " + id));
        unbound.remove(id);
        Router segment = bySegment.computeIfAbsent(firstSegment(path.getName()), name -> {
          Router router = Router.router(vertx);
          router.route().handler(BodyHandler.create(false).setBodyLimit(bodyLimitBytes));
          return router;
        });
        String below = withinSegment(path.getName());
        // the segment's own path ("/me") reaches its router as an empty path, which no "/" route matches
        Route route = below.isEmpty()
            ? segment.routeWithRegex(operation.getHttpMethod(), "/?")
            : segment.route(operation.getHttpMethod(), below);
        // a caller learns nothing before authenticating: authenticate, role, object access, then validation
        route.handler(HttpMetrics.routeLabel(BASE_PATH + operation.getOpenAPIPath()));
        if (!isPublic(operation)) {
          Set<Role> roles = declaredRoles(operation);
          route.handler(new Authenticate(tokens, principalCheck, roles, isAllowedBeforePasswordChange(operation)));
          binding.access().ifPresent(access -> route.handler(objectAccess(access)));
        }
        route.handler(validate(operation));
        route.handler(binding.handler());
      }
    }
    if (!unbound.isEmpty()) throw new IllegalStateException("handlers for operations missing from the contract: " + unbound);
    bySegment.forEach((name, router) -> {
      router.route().failureHandler(failures);
      root.route(BASE_PATH + "/" + name + "/*").subRouter(router);
    });
  }

  /** "/streamers/{streamerId}/teams" -> "/:streamerId/teams", "/me" -> "": the path below its segment's mount. */
  private static String withinSegment(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? "" : path.substring(end).replaceAll("\\{([^}]+)}", ":$1");
  }

  /** "/streamers/{streamerId}/teams" -> "streamers" */
  private static String firstSegment(String path) {
    int end = path.indexOf('/', 1);
    String segment = end < 0 ? path.substring(1) : path.substring(1, end);
    if (segment.isEmpty() || segment.contains("{")) {
      throw new IllegalStateException("API paths start with a fixed segment: " + path);
    }
    return segment;
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
