package cn.redlive.brand;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.Arrays;
import java.util.List;

/** A brand of the brand library (品牌库). */
public record Brand(long id, String name, String enterprise, String origin, List<String> certifications,
                    String contactName, String contactPhone) implements JsonView {

  static final String COLUMNS = "id, name, enterprise, origin, certifications, contact_name, contact_phone";

  static Brand from(Row row) {
    String[] certs = row.getArrayOfStrings("certifications");
    return new Brand(row.getLong("id"), row.getString("name"), row.getString("enterprise"), row.getString("origin"),
        certs == null ? List.of() : Arrays.asList(certs), row.getString("contact_name"), row.getString("contact_phone"));
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("enterprise", enterprise)
        .put("origin", origin)
        .put("certifications", new JsonArray(certifications))
        .put("contact", new JsonObject().put("name", contactName).put("phone", contactPhone));
  }
}
