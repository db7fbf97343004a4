package cn.redlive.sales;

import io.vertx.core.json.JsonObject;

import java.math.BigInteger;

/**
 * Change of net GMV against an earlier period. Nothing sold before means no percentage at all (never a division by
 * zero): growth is "new" when something sells now, and simply absent when nothing sold in either period.
 * {@code growthBp} is rounded for display only; thresholds are tested on the exact fen ({@link #above}).
 */
public record Growth(long currentFen, long previousFen, Integer growthBp, boolean isNew) {

  public static Growth of(long currentFen, long previousFen) {
    if (previousFen <= 0) return new Growth(currentFen, previousFen, null, currentFen > 0);
    return new Growth(currentFen, previousFen, (int) Math.round((currentFen - previousFen) * 10000.0 / previousFen), false);
  }

  /** Strictly more than {@code bp} basis points of growth, exactly: +20.003% is above 2000 even if shown as 2000. */
  public boolean above(int bp) {
    return isNew || (growthBp != null && compareExact(bp) > 0);
  }

  /** At least {@code bp} basis points of growth, exactly. */
  public boolean atLeast(int bp) {
    return isNew || (growthBp != null && compareExact(bp) >= 0);
  }

  /** Sign of (current - previous) * 10000 - previous * bp, without overflow. */
  private int compareExact(int bp) {
    BigInteger change = BigInteger.valueOf(currentFen).subtract(BigInteger.valueOf(previousFen)).multiply(BigInteger.valueOf(10000));
    return change.compareTo(BigInteger.valueOf(previousFen).multiply(BigInteger.valueOf(bp)));
  }

  /** For ranking by growth: new beats any percentage, no figures at all come last. */
  public double sortKey() {
    if (isNew) return Double.MAX_VALUE;
    return growthBp == null ? -Double.MAX_VALUE : (currentFen - previousFen) * 10000.0 / previousFen;
  }

  public JsonObject toJson() {
    return new JsonObject().put("previousFen", previousFen).put("growthBp", growthBp).put("new", isNew);
  }
}
