package cn.redlive.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a request against its operation on the calling event loop, with schema validators built once at start.
 * vertx-openapi's own {@code RequestValidator} hands every request to a worker thread and builds a fresh schema
 * validator for every parameter and body on every request; both cost far more than the checks themselves.
 * The happy path runs here; anything invalid is re-checked by the library so the errors are exactly its own.
 */
final class InlineRequestValidator {

  /** The validated request of an operation that declares neither parameters nor a body; immutable, so shared. */
  static final ValidatedRequest NOTHING_DECLARED =
      ContractValues.validated(Map.of(), Map.of(), Map.of(), Map.of(), ContractValues.value(null));

  /**
   * The one use of a vertx-openapi {@code impl} class: per-parameter and per-body checks ({@code validateParameter},
   * {@code validateBody}) are public only on {@code RequestValidatorImpl}; the public {@code RequestValidator}
   * validates whole requests, on a worker thread. Used only to word the errors of a request found invalid here.
   */
  private final RequestValidatorImpl library;
  private final Map<Style, ParameterTransformer> transformers = new EnumMap<>(Style.class);
  /** Read-only after construction, so event loops share it without locks. */
  private final Map<Object, Validator> validators = new IdentityHashMap<>();
  /** Plain Java checks for the body and parameter schemas {@link SimpleSchema} can compile; read-only after construction too. */
  private final Map<Object, SimpleSchema> simpleSchemas = new IdentityHashMap<>();
  /** Per request body, the media type chosen for each Content-Type header seen (the inner maps are concurrent). */
  private final Map<RequestBody, Map<String, Optional<MediaType>>> mediaTypes = new IdentityHashMap<>();
  private static final int MEDIA_TYPES_REMEMBERED = 32;

  InlineRequestValidator(Vertx vertx, OpenAPIContract contract) {
    this.library = new RequestValidatorImpl(vertx, contract);
    transformers.put(Style.SIMPLE, new SimpleTransformer());
    transformers.put(Style.LABEL, new LabelTransformer());
    transformers.put(Style.MATRIX, new MatrixTransformer());
    transformers.put(Style.FORM, new FormTransformer());
    SchemaRepository schemas = contract.getSchemaRepository();
    for (Operation operation : contract.operations()) {
      for (Parameter parameter : operation.getParameters()) {
        validators.put(parameter, schemas.validator(parameter.getSchema()));
        SimpleSchema.compile(parameter.getSchema()).ifPresent(simple -> simpleSchemas.put(parameter, simple));
      }
      RequestBody body = operation.getRequestBody();
      if (body != null) {
        mediaTypes.put(body, new ConcurrentHashMap<>());
        for (MediaType mediaType : body.getContent().values()) {
          if (mediaType.getSchema() != null) {
            validators.put(mediaType, schemas.validator(mediaType.getSchema()));
            SimpleSchema.compile(mediaType.getSchema()).ifPresent(simple -> simpleSchemas.put(mediaType, simple));
          }
        }
      }
    }
  }

  /**
   * The request body's media type for a Content-Type header. The library compiles a regular expression on every
   * call, so the answers for the few headers clients really send are remembered (up to a bound, as the header is
   * the client's to choose).
   */
  private MediaType mediaType(RequestBody requestBody, String contentType) {
    if (contentType == null) return requestBody.determineContentType(null);
    Map<String, Optional<MediaType>> known = mediaTypes.get(requestBody);
    Optional<MediaType> found = known == null ? null : known.get(contentType);
    if (found != null) return found.orElse(null);
    MediaType determined = requestBody.determineContentType(contentType);
    if (known != null && known.size() < MEDIA_TYPES_REMEMBERED) known.put(contentType, Optional.ofNullable(determined));
    return determined;
  }

  /** Throws the library's ValidatorException (or its subclasses) on the first invalid part. */
  ValidatedRequest validate(Operation operation, ValidatableRequest request) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      switch (parameter.getIn()) {
        case COOKIE -> cookies.put(parameter.getName(), parameter(parameter, request.getCookies().get(parameter.getName())));
        case HEADER -> headers.put(parameter.getName(), parameter(parameter, request.getHeaders().get(parameter.getName())));
        case PATH -> path.put(parameter.getName(), parameter(parameter, request.getPathParameters().get(parameter.getName())));
        case QUERY -> query.put(parameter.getName(), parameter(parameter, request.getQuery().get(parameter.getName())));
        default -> {
          // no other parameter locations exist in OpenAPI 3.1
        }
      }
    }
    return ContractValues.validated(cookies, headers, path, query, body(operation.getRequestBody(), request));
  }

  private RequestParameter parameter(Parameter parameter, RequestParameter value) {
    ParameterTransformer transformer = transformers.get(parameter.getStyle());
    Validator validator = validators.get(parameter);
    if (value == null || value.isNull() || transformer == null || validator == null) {
      return library.validateParameter(parameter, value);
    }
    String raw = String.valueOf(value.get());
    TextRules.checkParameter(parameter.getName(), raw);
    Object plain = plainPrimitive(parameter, raw);
    Object transformed = plain != null ? plain : transformer.transform(parameter, raw);
    SimpleSchema simple = simpleSchemas.get(parameter);
    if (simple != null && simple.accepts(transformed)) return ContractValues.value(transformed);
    OutputUnit result = validator.validate(transformed);
    return Boolean.TRUE.equals(result.getValid()) ? ContractValues.value(transformed)
        : library.validateParameter(parameter, value);
  }

  /**
   * What the library's {@code ParameterTransformer.transformPrimitive} makes of the plain values clients send (a word
   * for a small whole number, true or false; a string stays as sent), without the regular expression it compiles and the JSON
   * parser it runs for each of them; null for anything else, which the library transforms itself.
   */
  static Object plainPrimitive(Parameter parameter, String raw) {
    SchemaType type = parameter.getSchemaType();
    if (type == null || raw.isEmpty()) return null;
    return switch (type) {
      // a string stays the text sent: "-1" or "[1]" is a search, not JSON to parse
      case STRING -> raw;
      case INTEGER, NUMBER -> isSmallCanonicalInt(raw) ? Integer.valueOf(raw) : null;
      case BOOLEAN -> "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
      default -> null;
    };
  }

  /** "0" or an optional minus and up to nine digits without a leading zero: JSON's own form, and an int. */
  private static boolean isSmallCanonicalInt(String raw) {
    int start = raw.charAt(0) == '-' ? 1 : 0;
    int digits = raw.length() - start;
    if (digits < 1 || digits > 9) return false;
    if (raw.charAt(start) == '0') return digits == 1 && start == 0;
    for (int i = start; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private RequestParameter body(RequestBody requestBody, ValidatableRequest request) {
    if (requestBody == null || request.getBody() == null || request.getBody().isEmpty()) {
      return library.validateBody(requestBody, request);
    }
    MediaType mediaType = mediaType(requestBody, request.getContentType());
    Validator validator = mediaType == null ? null : validators.get(mediaType);
    if (validator == null || !mediaType.getIdentifier().startsWith(MediaType.APPLICATION_JSON)) {
      return library.validateBody(requestBody, request);
    }
    Object decoded;
    try {
      decoded = TextRules.normalize(StreamingJson.decode(request.getBody().getBuffer()));
    } catch (DecodeException e) {
      return library.validateBody(requestBody, request);
    }
    SimpleSchema simple = simpleSchemas.get(mediaType);
    if (simple != null && simple.accepts(decoded)) return ContractValues.value(decoded);
    OutputUnit result = validator.validate(decoded);
    if (Boolean.TRUE.equals(result.getValid())) return ContractValues.value(decoded);
    // the library words the errors, about the body as trimmed (a blank name is then too short)
    library.validateBody(requestBody, new WithBody(request, StreamingJson.encode(decoded)));
    return ContractValues.value(decoded);
  }

  /** The request with another body. */
  private record WithBody(ValidatableRequest request, io.vertx.core.buffer.Buffer body) implements ValidatableRequest {
    @Override public Map<String, RequestParameter> getCookies() { return request.getCookies(); }
    @Override public Map<String, RequestParameter> getHeaders() { return request.getHeaders(); }
    @Override public Map<String, RequestParameter> getPathParameters() { return request.getPathParameters(); }
    @Override public Map<String, RequestParameter> getQuery() { return request.getQuery(); }
    @Override public RequestParameter getBody() { return ContractValues.value(body); }
    @Override public String getContentType() { return request.getContentType(); }
  }
}
