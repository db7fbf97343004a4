package cn.redlive.catalog;

import java.util.List;

/**
 * CSV for people to open in Excel or WPS: UTF-8 with a BOM (so Chinese shows), CRLF, RFC 4180 quoting, and
 * no cell a spreadsheet would run as a formula: cells starting with = + - @ tab or CR get a leading apostrophe.
 */
final class SafeCsv {

  static final String BOM = "\uFEFF";

  private final StringBuilder out = new StringBuilder(BOM);

  SafeCsv row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      out.append(quote(defuse(cells.get(i) == null ? "" : String.valueOf(cells.get(i)))));
    }
    out.append("\r\n");
    return this;
  }

  static String defuse(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  private static String quote(String cell) {
    boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
    return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
