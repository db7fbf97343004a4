package cn.redlive.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON schema compiled into a plain Java check, for the keywords our contract's request bodies use (type,
 * properties, required, additionalProperties, items, length, size and range limits, string enums). The library's
 * validator walks the schema and builds location strings for every value, which for a batch of a hundred live
 * events costs more than everything else the request does. This check only says "valid"; it is exact for the
 * keywords it knows and refuses to compile a schema with any other keyword (formats, patterns, $ref, ...), so
 * such schemas, and every value it does not accept, still go through the library and get its exact errors.
 */
final class SimpleSchema {

  /** Keywords that only describe and never constrain. */
  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "default", "example", "examples",
      "deprecated", "$comment");

  private interface Check {
    boolean test(Object value);
  }

  private final Check check;

  private SimpleSchema(Check check) {
    this.check = check;
  }

  /** The compiled check, or empty when the schema uses a keyword this class does not implement. */
  static Optional<SimpleSchema> compile(Object schema) {
    try {
      return Optional.of(new SimpleSchema(compileNode(schema)));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /** True only when the value certainly satisfies the schema. */
  boolean accepts(Object value) {
    return check.test(value);
  }

  private static final class Unsupported extends Exception {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static Map<String, Object> keywords(Object schema) throws Unsupported {
    Map<String, Object> map = new HashMap<>();
    if (schema instanceof JsonSchema s) {
      for (String name : s.fieldNames()) map.put(name, s.get(name));
    } else if (schema instanceof JsonObject o) {
      map.putAll(o.getMap());
    } else if (schema instanceof Map<?, ?> m) {
      m.forEach((k, v) -> map.put(String.valueOf(k), v));
    } else {
      throw new Unsupported();
    }
    // the library's own bookkeeping (e.g. the schema's resolved location) starts with "__"
    map.keySet().removeIf(name -> name.startsWith("__") || ANNOTATIONS.contains(name));
    return map;
  }

  private static Check compileNode(Object schema) throws Unsupported {
    if (schema instanceof Boolean b) return value -> b;
    Map<String, Object> k = keywords(schema);
    List<Check> checks = new ArrayList<>();
    for (Map.Entry<String, Object> entry : k.entrySet()) {
      String name = entry.getKey();
      Object arg = entry.getValue();
      switch (name) {
        case "type" -> checks.add(type(arg));
        case "minLength" -> {
          long min = whole(arg);
          checks.add(v -> !(v instanceof String s) || s.codePointCount(0, s.length()) >= min);
        }
        case "maxLength" -> {
          long max = whole(arg);
          checks.add(v -> !(v instanceof String s) || s.codePointCount(0, s.length()) <= max);
        }
        case "minimum" -> {
          BigDecimal min = decimal(arg);
          checks.add(v -> !(v instanceof Number) || compare(v, min) >= 0);
        }
        case "maximum" -> {
          BigDecimal max = decimal(arg);
          checks.add(v -> !(v instanceof Number) || compare(v, max) <= 0);
        }
        case "exclusiveMinimum" -> {
          BigDecimal min = decimal(arg);
          checks.add(v -> !(v instanceof Number) || compare(v, min) > 0);
        }
        case "exclusiveMaximum" -> {
          BigDecimal max = decimal(arg);
          checks.add(v -> !(v instanceof Number) || compare(v, max) < 0);
        }
        case "minItems" -> {
          long min = whole(arg);
          checks.add(v -> !(v instanceof JsonArray a) || a.size() >= min);
        }
        case "maxItems" -> {
          long max = whole(arg);
          checks.add(v -> !(v instanceof JsonArray a) || a.size() <= max);
        }
        case "items" -> {
          Check item = compileNode(arg);
          checks.add(v -> {
            if (!(v instanceof JsonArray a)) return true;
            for (int i = 0; i < a.size(); i++) if (!item.test(a.getValue(i))) return false;
            return true;
          });
        }
        case "required" -> {
          List<String> required = strings(arg);
          checks.add(v -> {
            if (!(v instanceof JsonObject o)) return true;
            for (String field : required) if (!o.containsKey(field)) return false;
            return true;
          });
        }
        case "properties", "additionalProperties" -> {
          // compiled together below
        }
        case "enum" -> {
          Set<String> allowed = new HashSet<>(strings(arg));
          checks.add(v -> v instanceof String s && allowed.contains(s));
        }
        default -> throw new Unsupported();
      }
    }
    if (k.containsKey("properties") || k.containsKey("additionalProperties")) {
      checks.add(properties(k.get("properties"), k.get("additionalProperties")));
    }
    Check[] all = checks.toArray(Check[]::new);
    return value -> {
      for (Check c : all) if (!c.test(value)) return false;
      return true;
    };
  }

  private static Check properties(Object properties, Object additional) throws Unsupported {
    Map<String, Check> known = new HashMap<>();
    if (properties != null) {
      for (Map.Entry<String, Object> p : keywordsOrEmpty(properties).entrySet()) {
        known.put(p.getKey(), compileNode(p.getValue()));
      }
    }
    Check others = additional == null ? value -> true : compileNode(additional);
    return v -> {
      if (!(v instanceof JsonObject o)) return true;
      for (Map.Entry<String, Object> field : o) {
        Check c = known.get(field.getKey());
        if (!(c == null ? others : c).test(field.getValue())) return false;
      }
      return true;
    };
  }

  /** The property map as written (names are data here, so none is dropped as an annotation). */
  private static Map<String, Object> keywordsOrEmpty(Object properties) throws Unsupported {
    if (properties instanceof JsonObject o) return o.getMap();
    if (properties instanceof Map<?, ?> m) {
      Map<String, Object> map = new HashMap<>();
      m.forEach((key, v) -> map.put(String.valueOf(key), v));
      return map;
    }
    throw new Unsupported();
  }

  private static Check type(Object arg) throws Unsupported {
    List<String> names = arg instanceof String s ? List.of(s) : strings(arg);
    List<Check> any = new ArrayList<>();
    for (String name : names) {
      any.add(switch (name) {
        case "string" -> v -> v instanceof String;
        // only true integers: a 1.0 is left to the library, which decides whether it counts
        case "integer" -> v -> v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
            || v instanceof BigInteger;
        case "number" -> v -> v instanceof Number;
        case "boolean" -> v -> v instanceof Boolean;
        case "object" -> v -> v instanceof JsonObject;
        case "array" -> v -> v instanceof JsonArray;
        case "null" -> v -> v == null;
        default -> throw new Unsupported();
      });
    }
    Check[] all = any.toArray(Check[]::new);
    return v -> {
      for (Check c : all) if (c.test(v)) return true;
      return false;
    };
  }

  private static int compare(Object number, BigDecimal bound) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
      return BigDecimal.valueOf(((Number) number).longValue()).compareTo(bound);
    }
    if (number instanceof BigInteger big) return new BigDecimal(big).compareTo(bound);
    if (number instanceof BigDecimal big) return big.compareTo(bound);
    double d = ((Number) number).doubleValue();
    // NaN or infinity: not ours to judge
    if (Double.isNaN(d) || Double.isInfinite(d)) return bound.signum() >= 0 ? -1 : 1;
    return BigDecimal.valueOf(d).compareTo(bound);
  }

  private static BigDecimal decimal(Object arg) throws Unsupported {
    if (arg instanceof Integer || arg instanceof Long) return BigDecimal.valueOf(((Number) arg).longValue());
    if (arg instanceof Number n) return new BigDecimal(n.toString());
    throw new Unsupported();
  }

  private static long whole(Object arg) throws Unsupported {
    if (arg instanceof Integer || arg instanceof Long) return ((Number) arg).longValue();
    throw new Unsupported();
  }

  private static List<String> strings(Object arg) throws Unsupported {
    Iterable<?> items = arg instanceof JsonArray a ? a : arg instanceof List<?> l ? l : null;
    if (items == null) throw new Unsupported();
    List<String> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String s)) throw new Unsupported();
      out.add(s);
    }
    return out;
  }
}
