package cn.redlive.enterprise;

import cn.redlive.core.ProblemException;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;

/** What a manager writes about an enterprise; with an incubation start it is resident (入驻). */
record EnterpriseFields(String name, LocalDate incubationStart, int incubationMonths, int rentFreeMonths,
                        long equipmentDepositFen, String mentor, String contact) {

  static EnterpriseFields from(JsonObject body) {
    String start = body.getString("incubationStart");
    EnterpriseFields fields = new EnterpriseFields(body.getString("name").trim(),
        start == null ? null : LocalDate.parse(start), body.getInteger("incubationMonths", 12),
        body.getInteger("rentFreeMonths", 3), body.getLong("equipmentDepositFen", 0L),
        body.getString("mentor", "").trim(), body.getString("contact", "").trim());
    if (fields.name.isEmpty()) throw ProblemException.invalidField("name", "must not be blank");
    if (fields.rentFreeMonths > fields.incubationMonths) {
      throw ProblemException.invalidField("rentFreeMonths", "cannot be longer than the incubation");
    }
    return fields;
  }
}
