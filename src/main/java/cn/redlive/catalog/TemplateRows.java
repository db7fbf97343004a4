package cn.redlive.catalog;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** Rows of our own template (Chinese or English headers, any column order, unknown columns ignored). */
final class TemplateRows implements CatalogRows {

  private final RawRows raw;
  private final ColumnMap columns;

  TemplateRows(RawRows raw) {
    this.raw = raw;
    this.columns = ColumnMap.of(raw.header());
    List<Field> missing = columns.missingRequired();
    if (!missing.isEmpty()) {
      throw new ImportFailure("missing-columns", "Required columns are missing: "
          + missing.stream().map(f -> f.templateHeader + " (" + f.aliases.get(0) + ")").collect(Collectors.joining(", "))
          + ". Found: " + String.join(", ", raw.header()) + ". Download the template for the expected headers.");
    }
  }

  @Override
  public SourceRow next() throws IOException {
    RawRows.RawRow row;
    do {
      row = raw.next();
    } while (row != null && row.blank());
    if (row == null) return null;
    SourceRow out = SourceRow.of(row.number());
    for (Field field : Field.values()) {
      RawRows.RawRow r = row;
      columns.column(field).ifPresent(i -> out.put(field, r.cell(i), columns.nameOf(field)));
    }
    return out;
  }

  @Override
  public String layout() {
    return "template";
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
