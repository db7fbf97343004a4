package cn.redlive.product;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A product as the library shows it: the live fields, its review status, and any change waiting for review. */
public record Product(long id, long brandId, String brandName, ProductFields fields, String status, String rejectReason,
                      JsonObject pendingRevision, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements JsonView {

  public static final String PENDING = "pending";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final String DELISTED = "delisted";

  static Product from(Row row) {
    ProductFields fields = new ProductFields(row.getString("sku"), row.getString("name"), row.getString("category"),
        row.getString("origin"), row.getString("spec"), row.getInteger("weight_grams"), row.getLong("price_fen"),
        row.getInteger("commission_bp"), row.getInteger("stock"), list(row.getArrayOfStrings("image_urls")),
        row.getString("description"), list(row.getArrayOfStrings("certifications")));
    Object revision = row.getValue("pending_revision");
    return new Product(row.getLong("id"), row.getLong("brand_id"), row.getString("brand_name"), fields,
        row.getString("status"), row.getString("reject_reason"), revision instanceof JsonObject json ? json : null,
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  private static List<String> list(String[] values) {
    return values == null ? List.of() : Arrays.asList(values);
  }

  public boolean approved() {
    return APPROVED.equals(status);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = fields.toJson()
        .put("id", id)
        .put("brandId", brandId)
        .put("brandName", brandName)
        .put("status", status)
        .put("rejectReason", rejectReason)
        .put("createdAt", createdAt.toInstant().toString())
        .put("updatedAt", updatedAt.toInstant().toString());
    json.put("pendingRevision", pendingRevision);
    return json;
  }
}
