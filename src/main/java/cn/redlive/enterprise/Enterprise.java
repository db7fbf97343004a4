package cn.redlive.enterprise;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;

/**
 * An enterprise and its incubation at the base: the term (one year by default) and the rent-free months (the
 * first three by default) both count from the start date; the end dates are the last days included.
 */
public record Enterprise(long id, String name, boolean resident, LocalDate incubationStart, int incubationMonths,
                         int rentFreeMonths, long equipmentDepositFen, String mentor, String contact, JsonArray brands) {

  static Enterprise from(Row r) {
    return new Enterprise(r.getLong("id"), r.getString("name"), r.getBoolean("resident"), r.getLocalDate("incubation_start"),
        r.getInteger("incubation_months"), r.getInteger("rent_free_months"), r.getLong("equipment_deposit_fen"),
        r.getString("mentor"), r.getString("contact"), (JsonArray) r.getJson("brands"));
  }

  public LocalDate incubationEnd() {
    return incubationStart == null ? null : lastDayOf(incubationStart, incubationMonths);
  }

  public LocalDate rentFreeEnd() {
    return incubationStart == null || rentFreeMonths == 0 ? null : lastDayOf(incubationStart, rentFreeMonths);
  }

  /**
   * The last day of a term of {@code months} from {@code start}: the day before the same day {@code months} later,
   * or, when that month is too short to have the start's day (Nov 30 + 3 months), that month's last day.
   */
  static LocalDate lastDayOf(LocalDate start, int months) {
    LocalDate same = start.plusMonths(months);
    return same.getDayOfMonth() < start.getDayOfMonth() ? same : same.minusDays(1);
  }

  public String state(LocalDate today) {
    if (!resident) return "not_resident";
    if (today.isBefore(incubationStart)) return "not_started";
    if (rentFreeEnd() != null && !today.isAfter(rentFreeEnd())) return "rent_free";
    return today.isAfter(incubationEnd()) ? "graduated" : "incubating";
  }

  JsonObject toJson(LocalDate today) {
    return new JsonObject().put("id", id).put("name", name).put("resident", resident)
        .put("incubationStart", text(incubationStart)).put("incubationMonths", incubationMonths)
        .put("incubationEnd", text(incubationEnd())).put("rentFreeMonths", rentFreeMonths)
        .put("rentFreeEnd", text(rentFreeEnd())).put("incubationState", state(today))
        .put("equipmentDepositFen", equipmentDepositFen).put("mentor", mentor).put("contact", contact)
        .put("brands", brands == null ? new JsonArray() : brands);
  }

  private static String text(LocalDate day) {
    return day == null ? null : day.toString();
  }
}
