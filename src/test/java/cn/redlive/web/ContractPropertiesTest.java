package cn.redlive.web;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every operation of the contract, generated bad values for each parameter and body field must answer 4xx
 * problem+json (400 naming the field when the value breaks the field's own schema), never 5xx; generated valid
 * requests must not answer 5xx either; and every status seen must be one the contract declares for the operation.
 */
class ContractPropertiesTest {

  /** They would lock out or sign out the accounts the rest of the suite logs in with. */
  private static final Set<String> ACCOUNT_SECURITY = Set.of("login", "changeMyPassword", "disableAccount", "enableAccount",
      "resetAccountPassword", "logout");

  private static final JsonObject CONTRACT = load();
  private static final List<Op> OPERATIONS = operations();
  private static final Map<String, Set<Integer>> SEEN = new ConcurrentHashMap<>();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private final Api api = TestApp.shared().api();

  record Op(String id, String method, String path, JsonObject operation, List<JsonObject> parameters, JsonObject body) {
  }

  /** One bad value aimed at one place: a parameter (in path or query) or a top-level body field. */
  record Probe(Op op, String in, String name, JsonObject schema, Object value, boolean mustName) {
    @Override
    public String toString() {
      return op.id() + " " + in + ":" + name + " = " + (value instanceof String s ? "\"" + s + "\"" : value);
    }
  }

  @Property(tries = 400)
  void badValuesAnswer4xxNamingTheField(@ForAll("probes") Probe probe) {
    Reply reply = send(probe.op(), probe);
    int status = reply.status();
    // a value the schema allows (a literal %, "[1]", a blank optional text) need only be survived
    assertTrue(status < 500, () -> probe + " -> " + reply);
    if (!probe.mustName()) return;
    assertTrue(status >= 400, () -> probe + " -> " + reply);
    assertTrue(String.valueOf(reply.contentType()).startsWith("application/problem+json"), () -> probe + " -> " + reply);
    if (status == 400 && probe.mustName()) {
      JsonArray errors = reply.json().getJsonArray("errors", new JsonArray());
      assertTrue(errors.stream().map(e -> ((JsonObject) e).getString("field"))
          .anyMatch(f -> f.equals(probe.name()) || f.startsWith(probe.name() + ".") || f.endsWith("." + probe.name())),
          () -> probe + " -> " + reply);
    }
  }

  @Property(tries = 150)
  void validRequestsNeverAnswer5xx(@ForAll("valid") Op op) {
    if (ACCOUNT_SECURITY.contains(op.id())) return;
    Reply reply = send(op, null);
    assertTrue(reply.status() < 500, () -> op.id() + " -> " + reply);
  }

  @AfterContainer
  static void everyStatusSeenIsDeclared() {
    Map<String, Set<Integer>> undeclared = new TreeMap<>();
    for (Op op : OPERATIONS) {
      Set<Integer> seen = SEEN.getOrDefault(op.id(), Set.of());
      JsonObject responses = op.operation().getJsonObject("responses", new JsonObject());
      for (int status : seen) {
        if (!responses.containsKey(Integer.toString(status))) undeclared.computeIfAbsent(op.id(), k -> new TreeSet<>()).add(status);
      }
    }
    assertEquals(Map.of(), undeclared, "statuses answered but not declared in the contract");
  }

  @Provide
  Arbitrary<Op> valid() {
    return Arbitraries.of(OPERATIONS);
  }

  @Provide
  Arbitrary<Probe> probes() {
    List<Probe> all = new ArrayList<>();
    for (Op op : OPERATIONS) {
      for (JsonObject parameter : op.parameters()) {
        JsonObject schema = resolve(parameter.getJsonObject("schema"));
        for (Bad bad : badValues(schema, true)) {
          all.add(new Probe(op, parameter.getString("in"), parameter.getString("name"), schema, bad.value(), bad.mustName()));
        }
      }
      if (op.body() != null) {
        properties(op.body()).forEach((name, schema) -> {
          // passwords are never trimmed (see TextRules): spaces are a password like any other
          boolean password = name.toLowerCase().endsWith("password");
          for (Bad bad : badValues(schema, false)) {
            boolean blank = bad.value() instanceof String text && text.isBlank();
            all.add(new Probe(op, "body", name, schema, bad.value(), bad.mustName() && !(password && blank)));
          }
        });
        all.add(new Probe(op, "raw", "body", op.body(), "[1, 2", false));
      }
    }
    return Arbitraries.of(all);
  }

  private record Bad(Object value, boolean mustName) {
  }

  /** Values the schema refuses (mustName) or that a server must survive without a 5xx. */
  private static List<Bad> badValues(JsonObject schema, boolean asText) {
    List<Bad> bad = new ArrayList<>();
    String type = typeOf(schema);
    switch (type) {
      case "integer", "number" -> {
        Number max = (Number) schema.getValue("maximum");
        BigInteger past = max == null ? BigInteger.TWO.pow(64).add(BigInteger.valueOf(7))
            : new BigInteger(max.toString().replaceAll("\\..*", "")).add(BigInteger.ONE);
        bad.add(new Bad(past, true));
        bad.add(new Bad(BigInteger.TWO.pow(64).add(BigInteger.valueOf(100)), true));
        Number min = (Number) schema.getValue("minimum");
        if (min != null) bad.add(new Bad(new BigInteger(min.toString().replaceAll("\\..*", "")).subtract(BigInteger.ONE), true));
        bad.add(new Bad("abc", true));
        if (asText) bad.add(new Bad("%2531", true));
      }
      case "string" -> {
        bad.add(new Bad("a\u0000b", true));
        bad.add(new Bad("x\u001cy", true));
        Number minLength = (Number) schema.getValue("minLength");
        // a blank query value counts as absent, so only a body field's blank must be refused
        if (!asText) bad.add(new Bad(" \t ", minLength != null && minLength.intValue() > 0));
        if (!asText) bad.add(new Bad(12345, true));
        if ("date-time".equals(schema.getString("format"))) bad.add(new Bad("2026-05-01T10:00:00", true));
        if ("date".equals(schema.getString("format"))) bad.add(new Bad("2026-13-45", true));
        if (asText) bad.add(new Bad("%25", false));
        if (asText) bad.add(new Bad("[1]", false));
        if (schema.containsKey("enum")) bad.add(new Bad(asText ? "%2570ending" : "no-such-value", true));
      }
      case "boolean" -> bad.add(new Bad("yes", true));
      case "array" -> bad.add(new Bad(asText ? "[" : "not-an-array", !asText));
      case "object" -> bad.add(new Bad(asText ? "{" : "not-an-object", !asText));
      default -> {
        // untyped: only survival is asked
        bad.add(new Bad("a\u0000b", true));
      }
    }
    return bad;
  }

  private Reply send(Op op, Probe probe) {
    StringBuilder path = new StringBuilder();
    String template = "/api/v1" + op.path();
    List<String> query = new ArrayList<>();
    for (JsonObject parameter : op.parameters()) {
      String name = parameter.getString("name");
      JsonObject schema = resolve(parameter.getJsonObject("schema"));
      boolean aimed = probe != null && probe.in().equals(parameter.getString("in")) && probe.name().equals(name);
      String value = aimed ? encode(probe.value()) : encode(validValue(schema));
      if ("path".equals(parameter.getString("in"))) {
        template = template.replace("{" + name + "}", value);
      } else if ("query".equals(parameter.getString("in")) && (aimed || Boolean.TRUE.equals(parameter.getBoolean("required")))) {
        query.add(name + "=" + value);
      }
    }
    path.append(template);
    if (!query.isEmpty()) path.append('?').append(String.join("&", query));
    Api.Call call = api.method(op.method().toUpperCase(), path.toString());
    String token = tokenFor(op);
    if (token != null) call.as(token);
    if (op.body() != null) {
      JsonObject body = validObject(op.body());
      if (probe != null && (probe.in().equals("body") || probe.in().equals("raw"))) {
        if (probe.in().equals("raw")) {
          call.raw("application/json", String.valueOf(probe.value()));
        } else {
          String encoded = body.put(probe.name(), "__PROBE__").encode();
          call.raw("application/json", encoded.replace("\"__PROBE__\"", json(probe.value())));
        }
      } else {
        call.json(body);
      }
    }
    Reply reply = call.send();
    SEEN.computeIfAbsent(op.id(), k -> ConcurrentHashMap.newKeySet()).add(reply.status());
    return reply;
  }

  /** Path and query values go as typed, percent signs included: "%2531" is meant to arrive double-encoded. */
  private static String encode(Object value) {
    String text = String.valueOf(value);
    if (text.startsWith("%25")) return text;
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String json(Object value) {
    if (value instanceof String s) return new JsonArray().add(s).encode().replaceAll("^\\[|]$", "");
    return String.valueOf(value);
  }

  private String tokenFor(Op op) {
    if (Boolean.TRUE.equals(op.operation().getBoolean("x-public"))) return null;
    JsonArray roles = op.operation().getJsonArray("x-roles");
    String role = roles.contains("manager") ? "manager" : roles.getString(0);
    return TOKENS.computeIfAbsent(role, r -> r.equals("manager") ? api.managerToken() : api.newUser(r).token());
  }

  private static JsonObject validObject(JsonObject schema) {
    JsonObject object = new JsonObject();
    JsonObject merged = merged(schema);
    JsonArray required = merged.getJsonArray("required", new JsonArray());
    properties(schema).forEach((name, property) -> {
      if (required.contains(name)) object.put(name, validValue(property));
    });
    return object;
  }

  private static Object validValue(JsonObject raw) {
    JsonObject schema = resolve(raw);
    if (schema.containsKey("enum")) {
      for (Object option : schema.getJsonArray("enum")) if (option != null) return option;
    }
    if (schema.containsKey("default")) return schema.getValue("default");
    return switch (typeOf(schema)) {
      case "integer", "number" -> schema.getValue("minimum") instanceof Number n ? Math.max(n.longValue(), 1) : 1;
      case "boolean" -> false;
      case "array" -> new JsonArray();
      case "object" -> validObject(schema);
      default -> {
        String format = schema.getString("format", "");
        if (format.equals("date")) yield "2026-05-01";
        if (format.equals("date-time")) yield "2026-05-01T10:00:00+08:00";
        if (schema.containsKey("pattern") && schema.getString("pattern").contains("\\d{4}-")) yield "2026-05";
        String text = "测试" + (System.nanoTime() % 100000);
        int minLength = schema.getValue("minLength") instanceof Number n ? n.intValue() : 0;
        yield text.length() >= minLength ? text : text + "x".repeat(minLength - text.length());
      }
    };
  }

  private static String typeOf(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof String s) return s;
    if (type instanceof JsonArray names) {
      for (Object name : names) if (!"null".equals(name)) return String.valueOf(name);
    }
    return schema.containsKey("properties") ? "object" : "";
  }

  private static Map<String, JsonObject> properties(JsonObject schema) {
    Map<String, JsonObject> out = new TreeMap<>();
    JsonObject merged = merged(schema);
    JsonObject properties = merged.getJsonObject("properties", new JsonObject());
    for (String name : properties.fieldNames()) out.put(name, resolve(properties.getJsonObject(name)));
    return out;
  }

  /** allOf flattened into one schema (properties and required lists united). */
  private static JsonObject merged(JsonObject raw) {
    JsonObject schema = resolve(raw).copy();
    JsonArray parts = schema.getJsonArray("allOf");
    if (parts == null) return schema;
    JsonObject properties = schema.getJsonObject("properties", new JsonObject()).copy();
    JsonArray required = schema.getJsonArray("required", new JsonArray()).copy();
    for (Object part : parts) {
      JsonObject p = merged((JsonObject) part);
      p.getJsonObject("properties", new JsonObject()).forEach(e -> properties.put(e.getKey(), e.getValue()));
      p.getJsonArray("required", new JsonArray()).forEach(required::add);
    }
    return schema.put("properties", properties).put("required", required);
  }

  private static JsonObject resolve(JsonObject node) {
    if (node == null) return new JsonObject();
    String ref = node.getString("$ref");
    if (ref == null) return node;
    Object target = CONTRACT;
    for (String step : ref.substring(2).split("/")) target = ((JsonObject) target).getValue(step);
    return resolve((JsonObject) target);
  }

  private static List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    JsonObject paths = CONTRACT.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (method.equals("parameters")) continue;
        JsonObject operation = item.getJsonObject(method);
        if (Boolean.TRUE.equals(operation.getBoolean("x-streamed")) || endless(operation)) continue;
        List<JsonObject> parameters = new ArrayList<>();
        item.getJsonArray("parameters", new JsonArray()).forEach(p -> parameters.add(resolve((JsonObject) p)));
        operation.getJsonArray("parameters", new JsonArray()).forEach(p -> parameters.add(resolve((JsonObject) p)));
        JsonObject body = null;
        JsonObject requestBody = resolve(operation.getJsonObject("requestBody"));
        JsonObject content = requestBody.getJsonObject("content");
        if (content != null && content.containsKey("application/json")) {
          body = resolve(content.getJsonObject("application/json").getJsonObject("schema"));
        }
        ops.add(new Op(operation.getString("operationId"), method, path, operation, parameters, body));
      }
    }
    return ops;
  }

  /**
   * A server-sent event stream answers 200 and never ends, so a valid request to a session that exists (one left by an
   * earlier test class) would wait forever; LivePushTest covers the stream.
   */
  private static boolean endless(JsonObject operation) {
    JsonObject ok = resolve(operation.getJsonObject("responses", new JsonObject()).getJsonObject("200"));
    return ok.getJsonObject("content", new JsonObject()).containsKey("text/event-stream");
  }

  private static JsonObject load() {
    try (InputStream in = ContractPropertiesTest.class.getClassLoader().getResourceAsStream(ApiRouter.CONTRACT_PATH)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
      return new JsonObject(tree);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
