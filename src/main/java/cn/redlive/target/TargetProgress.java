package cn.redlive.target;

import cn.redlive.sales.Growth;
import io.vertx.core.json.JsonObject;

/**
 * A target against what was sold. A growth target without a GMV figure implies one: the whole basis month's net GMV
 * grown by the percentage. {@code dueByNowFen} is what the month so far should have reached: a GMV target scaled by
 * the share of the month gone, a growth target the same days of the basis month grown by the percentage (those
 * days already are "the month so far", so it is never scaled a second time); with both, the larger. Behind means
 * below it.
 */
public record TargetProgress(Target target, long actualFen, Long effectiveTargetFen, Long dueByNowFen, Growth growth) {

  public Integer attainmentBp() {
    if (effectiveTargetFen == null || effectiveTargetFen <= 0) return null;
    return (int) Math.min(Integer.MAX_VALUE, actualFen * 10000 / effectiveTargetFen);
  }

  public Boolean growthMet() {
    if (target.growthBp() == null) return null;
    if (growth.isNew()) return true;
    return growth.growthBp() == null ? null : growth.atLeast(target.growthBp());
  }

  public boolean behind() {
    return dueByNowFen != null && actualFen < dueByNowFen;
  }

  public JsonObject toJson() {
    Target t = target;
    return new JsonObject().put("id", t.id()).put("scope", t.scope()).put("scopeId", t.scopeId()).put("name", t.name())
        .put("month", t.month().toString()).put("gmvFen", t.gmvFen()).put("growthBp", t.growthBp())
        .put("growthBasis", t.growthBasis()).put("targetFen", effectiveTargetFen).put("dueByNowFen", dueByNowFen).put("actualFen", actualFen)
        .put("attainmentBp", attainmentBp()).put("growth", growth.toJson()).put("growthMet", growthMet())
        .put("behind", behind());
  }
}
