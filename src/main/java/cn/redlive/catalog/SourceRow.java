package cn.redlive.catalog;

import java.util.EnumMap;
import java.util.Map;

/**
 * One product row as read from a file: its row number (the header is row 1) and the cells of known fields, without
 * the spaces around them (stripped once when put: a cell is read several times while its row is checked).
 */
record SourceRow(int number, Map<Field, String> values, Map<Field, String> columnNames) {

  String get(Field field) {
    String value = values.get(field);
    return value == null ? "" : value;
  }

  String column(Field field) {
    return columnNames.getOrDefault(field, field.templateHeader);
  }

  static SourceRow of(int number) {
    return new SourceRow(number, new EnumMap<>(Field.class), new EnumMap<>(Field.class));
  }

  SourceRow put(Field field, String value, String columnName) {
    values.put(field, value == null ? null : value.strip());
    columnNames.put(field, columnName);
    return this;
  }
}
