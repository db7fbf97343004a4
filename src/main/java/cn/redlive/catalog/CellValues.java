package cn.redlive.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the cell formats spreadsheets in the field contain: "¥1,299.00" and "1299元" are 129900 fen,
 * "15%" / "15" / 0.15 (a percent-formatted Excel cell) are 1500 basis points, "500g" / "0.5kg" are 500 grams.
 * Each method returns the value or throws {@link IllegalArgumentException} with a message for the user.
 */
public final class CellValues {

  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern CURRENCY = Pattern.compile("[¥￥\\s,，]|元$|(?i)^(rmb|cny)|(?i)(rmb|cny)$");
  private static final Pattern SPACES = Pattern.compile("\\s");
  private static final Pattern COUNT_NOISE = Pattern.compile("[\\s,，]");
  private static final Pattern KILOGRAMS = Pattern.compile("(kg|千克|公斤)$");
  private static final Pattern GRAMS = Pattern.compile("(g|克)$");

  private CellValues() {
  }

  public static long fen(String cell) {
    // every row has a price: "12.50" and "¥12.50" skip the regular expressions, a good part of a row's parsing time
    String s = isDecimal(cell, 2) ? cell : startsWithYuanSign(cell) && isDecimal(cell.substring(1), 2) ? cell.substring(1)
        : CURRENCY.matcher(cell).replaceAll("");
    if (!isDecimal(s, 2)) {
      throw new IllegalArgumentException("is not an amount in yuan, e.g. 129.00 or ¥1,299.00");
    }
    return new BigDecimal(s).movePointRight(2).longValueExact();
  }

  static int basisPoints(String cell) {
    String s = isDecimal(cell, Integer.MAX_VALUE) || !hasSpace(cell) ? cell : SPACES.matcher(cell).replaceAll("");
    boolean percent = s.endsWith("%") || s.endsWith("％");
    if (percent) s = s.substring(0, s.length() - 1);
    if (!isDecimal(s, Integer.MAX_VALUE)) throw new IllegalArgumentException("is not a percentage, e.g. 15%");
    BigDecimal value = new BigDecimal(s);
    // a percent-formatted Excel cell arrives as a fraction (0.15 for 15%)
    if (!percent && s.contains(".") && value.compareTo(BigDecimal.ONE) < 0) value = value.movePointRight(2);
    BigDecimal bp = value.movePointRight(2);
    if (bp.compareTo(BigDecimal.valueOf(10_000)) > 0) throw new IllegalArgumentException("must be at most 100%");
    if (bp.stripTrailingZeros().scale() > 0) throw new IllegalArgumentException("has more than two decimals of a percent");
    return bp.intValueExact();
  }

  static int count(String cell) {
    String s = isDecimal(cell, 0) ? cell : COUNT_NOISE.matcher(cell).replaceAll("");
    if (s.endsWith(".0")) s = s.substring(0, s.length() - 2);
    if (!isDecimal(s, 0)) throw new IllegalArgumentException("is not a whole number of items");
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is too large");
    }
  }

  static Optional<Integer> grams(String cell) {
    if (isDecimal(cell, 0) && cell.length() < 10) return Optional.of(Integer.parseInt(cell));
    String s = COUNT_NOISE.matcher(cell).replaceAll("").toLowerCase();
    if (s.isEmpty()) return Optional.empty();
    int factor = 1;
    if (s.endsWith("kg") || s.endsWith("千克") || s.endsWith("公斤")) {
      factor = 1000;
      s = KILOGRAMS.matcher(s).replaceAll("");
    } else {
      s = GRAMS.matcher(s).replaceAll("");
    }
    if (!DECIMAL.matcher(s).matches()) throw new IllegalArgumentException("is not a weight, e.g. 500 or 500g or 0.5kg");
    return Optional.of(new BigDecimal(s).multiply(BigDecimal.valueOf(factor)).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact());
  }

  /** Digits, then optionally a point and 1 to {@code maxDecimals} digits (none when it is 0); no regex. */
  private static boolean isDecimal(String s, int maxDecimals) {
    int n = s.length(), i = 0;
    while (i < n && isDigit(s.charAt(i))) i++;
    if (i == 0) return false;
    if (i == n) return true;
    if (s.charAt(i) != '.' || maxDecimals == 0) return false;
    int decimals = n - i - 1;
    if (decimals < 1 || decimals > maxDecimals) return false;
    for (int j = i + 1; j < n; j++) if (!isDigit(s.charAt(j))) return false;
    return true;
  }

  /** Whether the cell has a character {@code \s} matches: "15%" needs no regular expression to drop none. */
  private static boolean hasSpace(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) return true;
    }
    return false;
  }

  private static boolean startsWithYuanSign(String cell) {
    return !cell.isEmpty() && (cell.charAt(0) == '¥' || cell.charAt(0) == '￥');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static List<String> list(String cell) {
    return split(cell, ";；,，、|\n\r");
  }

  static List<String> urls(String cell) {
    return split(cell, ";；,，|\n\r\t ");
  }

  /** Splits on any of {@code separators}, trimmed, blanks and repeats dropped (a hot path: no regex). */
  private static List<String> split(String cell, String separators) {
    if (cell.isEmpty()) return List.of();
    List<String> parts = new ArrayList<>(2);
    int start = 0;
    for (int i = 0; i <= cell.length(); i++) {
      if (i == cell.length() || separators.indexOf(cell.charAt(i)) >= 0) {
        String part = cell.substring(start, i).strip();
        if (!part.isEmpty() && !parts.contains(part)) parts.add(part);
        start = i + 1;
      }
    }
    return parts;
  }

  /** Text a spreadsheet would run as a formula (=, +, @, or a leading tab/CR); refused rather than stored. */
  static boolean looksLikeFormula(String cell) {
    return !cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0;
  }
}
