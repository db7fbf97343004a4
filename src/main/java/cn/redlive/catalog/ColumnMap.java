package cn.redlive.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which file column holds which field. Headers are matched tolerantly: case, spaces, full-width brackets and a
 * trailing unit in brackets ("售价（元）", "Price (CNY)") do not matter.
 */
final class ColumnMap {

  private static final Map<String, Field> ALIASES = new HashMap<>();

  static {
    for (Field field : Field.values()) {
      for (String alias : field.aliases) ALIASES.put(normalize(alias), field);
    }
  }

  private final Map<Field, Integer> index = new EnumMap<>(Field.class);
  private final List<String> header;

  private ColumnMap(List<String> header) {
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      Field field = ALIASES.get(normalize(header.get(i)));
      if (field != null && !index.containsKey(field)) index.put(field, i);
    }
  }

  static ColumnMap of(List<String> header) {
    return new ColumnMap(header);
  }

  static Optional<Field> fieldOf(String header) {
    return Optional.ofNullable(ALIASES.get(normalize(header)));
  }

  static String normalize(String header) {
    String h = header == null ? "" : header.strip().toLowerCase(Locale.ROOT)
        .replace('（', '(').replace('）', ')');
    h = h.replaceAll("\\([^)]*\\)$", "");
    return h.replaceAll("[\\s_\\-/]+", "");
  }

  Optional<Integer> column(Field field) {
    return Optional.ofNullable(index.get(field));
  }

  /** The column's name as the file spells it, for error messages. */
  String nameOf(Field field) {
    Integer i = index.get(field);
    return i == null ? field.templateHeader : header.get(i);
  }

  List<Field> missingRequired() {
    List<Field> missing = new ArrayList<>();
    for (Field field : Field.values()) if (field.required && !index.containsKey(field)) missing.add(field);
    return missing;
  }
}
