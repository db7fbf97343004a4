package cn.redlive.target;

import cn.redlive.sales.Growth;
import io.vertx.core.json.JsonObject;

/**
 * A target against what was sold. A growth target without a GMV figure implies one: the basis month's net GMV
 * grown by the percentage. Behind means attainment trails the share of the month already gone.
 */
public record TargetProgress(Target target, long actualFen, Long effectiveTargetFen, Growth growth, int expectedShareBp) {

  public Integer attainmentBp() {
    if (effectiveTargetFen == null || effectiveTargetFen <= 0) return null;
    return (int) Math.min(Integer.MAX_VALUE, actualFen * 10000 / effectiveTargetFen);
  }

  public Boolean growthMet() {
    if (target.growthBp() == null) return null;
    if (growth.isNew()) return true;
    return growth.growthBp() == null ? null : growth.growthBp() >= target.growthBp();
  }

  public boolean behind() {
    return effectiveTargetFen != null && (double) actualFen * 10000 < (double) effectiveTargetFen * expectedShareBp;
  }

  public JsonObject toJson() {
    Target t = target;
    return new JsonObject().put("id", t.id()).put("scope", t.scope()).put("scopeId", t.scopeId()).put("name", t.name())
        .put("month", t.month().toString()).put("gmvFen", t.gmvFen()).put("growthBp", t.growthBp())
        .put("growthBasis", t.growthBasis()).put("targetFen", effectiveTargetFen).put("actualFen", actualFen)
        .put("attainmentBp", attainmentBp()).put("growth", growth.toJson()).put("growthMet", growthMet())
        .put("behind", behind());
  }
}
