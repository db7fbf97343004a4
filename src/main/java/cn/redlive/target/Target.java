package cn.redlive.target;

import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.time.YearMonth;

/** A month's target of one scope: a GMV figure, a growth percentage over an earlier month, or both. */
public record Target(long id, String scope, Long scopeId, String name, YearMonth month, Long gmvFen, Integer growthBp,
                     String growthBasis) {

  static Target from(Row r) {
    LocalDate month = r.getLocalDate("month");
    return new Target(r.getLong("id"), r.getString("scope"), r.getLong("scope_id"), r.getString("name"),
        YearMonth.from(month), r.getLong("gmv_fen"), r.getInteger("growth_bp"), r.getString("growth_basis"));
  }

  /** How many months back the growth basis lies: 1 (previous month) or 12 (same month last year). */
  int basisMonths() {
    return "same_month_last_year".equals(growthBasis) ? 12 : 1;
  }
}
