package cn.redlive.catalog;

import cn.redlive.product.ProductFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a source row into product fields, or into the list of everything wrong with it (every cell checked). */
final class RowParser {

  record Parsed(SourceRow row, ProductFields fields, List<RowError> errors) {
    boolean ok() {
      return errors.isEmpty();
    }
  }

  private static final Map<String, Field> FIELD_OF_PROPERTY = Map.ofEntries(
      Map.entry("sku", Field.SKU), Map.entry("name", Field.NAME), Map.entry("category", Field.CATEGORY),
      Map.entry("origin", Field.ORIGIN), Map.entry("spec", Field.SPEC), Map.entry("weightGrams", Field.WEIGHT),
      Map.entry("priceFen", Field.PRICE), Map.entry("commissionBp", Field.COMMISSION), Map.entry("stock", Field.STOCK),
      Map.entry("imageUrls", Field.IMAGES), Map.entry("description", Field.DESCRIPTION),
      Map.entry("certifications", Field.CERTIFICATIONS));

  private final String defaultOrigin;

  RowParser(String defaultOrigin) {
    this.defaultOrigin = defaultOrigin;
  }

  Parsed parse(SourceRow row) {
    List<RowError> errors = new ArrayList<>();
    for (Field field : Field.values()) {
      String value = row.get(field);
      if (CellValues.looksLikeFormula(value)) {
        errors.add(error(row, field, "starts with '" + printable(value.charAt(0))
            + "', which spreadsheets run as a formula; remove the leading character"));
      } else if (field.required && value.isEmpty() && row.values().containsKey(field)) {
        errors.add(error(row, field, "is required"));
      }
    }
    if (!errors.isEmpty()) return new Parsed(row, null, errors);
    String origin = row.get(Field.ORIGIN).isEmpty() ? defaultOrigin : row.get(Field.ORIGIN);
    Long price = value(row, Field.PRICE, errors, CellValues::fen, null);
    Integer commission = value(row, Field.COMMISSION, errors, CellValues::basisPoints, 0);
    Integer stock = value(row, Field.STOCK, errors, CellValues::count, 0);
    Integer weight = value(row, Field.WEIGHT, errors, cell -> CellValues.grams(cell).orElse(null), null);
    if (!errors.isEmpty()) return new Parsed(row, null, errors);
    ProductFields fields = new ProductFields(row.get(Field.SKU), row.get(Field.NAME), row.get(Field.CATEGORY), origin,
        blankToNull(row.get(Field.SPEC)), weight, price, commission, stock, CellValues.urls(row.get(Field.IMAGES)),
        blankToNull(row.get(Field.DESCRIPTION)), CellValues.list(row.get(Field.CERTIFICATIONS)));
    fields.problems().forEach(p -> errors.add(error(row, FIELD_OF_PROPERTY.get(p.field()), p.message())));
    return new Parsed(row, errors.isEmpty() ? fields : null, errors);
  }

  private static <T> T value(SourceRow row, Field field, List<RowError> errors, Function<String, T> parse, T fallback) {
    String cell = row.get(field);
    if (cell.isEmpty()) return fallback;
    try {
      return parse.apply(cell);
    } catch (IllegalArgumentException | ArithmeticException e) {
      errors.add(error(row, field, "'" + cell + "' " + (e instanceof ArithmeticException ? "is out of range" : e.getMessage())));
      return fallback;
    }
  }

  static RowError error(SourceRow row, Field field, String message) {
    return new RowError(row.number(), row.column(field), row.get(field), message);
  }

  private static String printable(char c) {
    return c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c);
  }

  private static String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
