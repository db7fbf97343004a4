package cn.redlive.brand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** What a manager or the brand's partner writes about a brand. */
public record BrandFields(String name, String enterprise, String origin, List<String> certifications,
                          String contactName, String contactPhone) {

  public BrandFields {
    certifications = certifications == null ? List.of() : List.copyOf(certifications);
  }

  static BrandFields from(JsonObject body) {
    JsonObject contact = body.getJsonObject("contact", new JsonObject());
    JsonArray certs = body.getJsonArray("certifications", new JsonArray());
    return new BrandFields(body.getString("name").trim(), body.getString("enterprise").trim(), body.getString("origin").trim(),
        certs.stream().map(String::valueOf).toList(), contact.getString("name"), contact.getString("phone"));
  }
}
