package cn.redlive.catalog;

import java.util.List;

/**
 * CSV for people to open in Excel or WPS: UTF-8 with a BOM (so Chinese shows), CRLF, RFC 4180 quoting, and
 * no cell a spreadsheet would run as a formula: text cells starting with = + - @ tab or CR get a leading apostrophe.
 */
public final class SafeCsv {

  static final String BOM = "\uFEFF";

  private final StringBuilder out = new StringBuilder(BOM);

  public SafeCsv row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      Object cell = cells.get(i);
      // a number cannot run as a formula, and a refund's -100 must stay a number
      out.append(quote(cell == null ? "" : cell instanceof Number ? String.valueOf(cell) : defuse(String.valueOf(cell))));
    }
    out.append("\r\n");
    return this;
  }

  public static String defuse(String cell) {
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
