package cn.redlive.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flat key/value view of config/application.yaml where every key can be overridden by an
 * environment variable (database.poolSize -> REDLIVE_DATABASE_POOL_SIZE) and, for tests and
 * tools, by an explicit map that wins over both.
 */
public final class Config {

  private final Map<String, String> values;

  private Config(Map<String, String> values) {
    this.values = values;
  }

  public static Config load(Path yamlFile, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>();
    if (Files.exists(yamlFile)) {
      values.putAll(flatten(readYaml(yamlFile)));
    } else {
      values.putAll(flatten(readDefaults()));
    }
    for (String key : values.keySet()) {
      String fromEnv = environment.get(envName(key));
      if (fromEnv != null) values.put(key, fromEnv);
    }
    values.putAll(overrides);
    return new Config(values);
  }

  /** database.poolSize -> REDLIVE_DATABASE_POOL_SIZE */
  public static String envName(String key) {
    String snake = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_');
    return "REDLIVE_" + snake.toUpperCase();
  }

  public String string(String key) {
    String value = values.get(key);
    if (value == null) throw new IllegalStateException("missing configuration key " + key);
    return value.trim();
  }

  public int integer(String key) {
    try {
      return Integer.parseInt(string(key));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("configuration key " + key + " (" + envName(key) + ") must be a whole number");
    }
  }

  public boolean bool(String key) {
    return Boolean.parseBoolean(string(key));
  }

  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The jar carries a copy of config/application.yaml so it runs from any directory. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> readDefaults() {
    try (var in = Config.class.getResourceAsStream("/config/application.yaml")) {
      if (in == null) throw new IllegalStateException("config/application.yaml missing from the jar");
      return new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> flatten(Map<String, Object> tree) {
    Map<String, String> flat = new LinkedHashMap<>();
    flattenInto("", tree, flat);
    return flat;
  }

  @SuppressWarnings("unchecked")
  private static void flattenInto(String prefix, Map<String, Object> tree, Map<String, String> flat) {
    tree.forEach((key, value) -> {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (value instanceof Map<?, ?> nested) {
        flattenInto(path, (Map<String, Object>) nested, flat);
      } else {
        flat.put(path, value == null ? "" : String.valueOf(value));
      }
    });
  }
}
