package cn.redlive.sales;

import io.vertx.core.json.JsonObject;

/**
 * Change of net GMV against an earlier period. Nothing sold before means no percentage at all (never a division by
 * zero): growth is "new" when something sells now, and simply absent when nothing sold in either period.
 */
public record Growth(long previousFen, Integer growthBp, boolean isNew) {

  public static Growth of(long currentFen, long previousFen) {
    if (previousFen <= 0) return new Growth(previousFen, null, currentFen > 0);
    return new Growth(previousFen, (int) Math.round((currentFen - previousFen) * 10000.0 / previousFen), false);
  }

  /** For ranking by growth: new beats any percentage, no figures at all come last. */
  public double sortKey() {
    if (isNew) return Double.MAX_VALUE;
    return growthBp == null ? -Double.MAX_VALUE : growthBp;
  }

  public JsonObject toJson() {
    return new JsonObject().put("previousFen", previousFen).put("growthBp", growthBp).put("new", isNew);
  }
}
