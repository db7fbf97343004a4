package cn.redlive.product;

import cn.redlive.core.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a brand writes about one product: the content of a catalog row, of a create or edit request, and of a
 * pending revision. Money in fen, commission in basis points.
 */
public record ProductFields(String sku, String name, String category, String origin, String spec, Integer weightGrams,
                            long priceFen, int commissionBp, int stock, List<String> imageUrls, String description,
                            List<String> certifications) {

  public static final int MAX_SKU = 64;
  public static final int MAX_NAME = 120;
  public static final int MAX_TEXT = 60;
  public static final int MAX_DESCRIPTION = 5000;
  public static final long MAX_PRICE_FEN = 100_000_000_00L;

  public ProductFields {
    imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    certifications = certifications == null ? List.of() : List.copyOf(certifications);
  }

  /** The rules every product obeys, whichever way it arrives; field names as in the JSON shape. */
  public List<Problem.FieldError> problems() {
    List<Problem.FieldError> errors = new ArrayList<>();
    text(errors, "sku", sku, MAX_SKU, true);
    text(errors, "name", name, MAX_NAME, true);
    text(errors, "category", category, MAX_TEXT, true);
    text(errors, "origin", origin, MAX_TEXT, true);
    text(errors, "spec", spec, MAX_TEXT, false);
    text(errors, "description", description, MAX_DESCRIPTION, false);
    if (sku != null && !isSku(sku)) {
      errors.add(new Problem.FieldError("sku", "may contain only letters, digits and . _ / -"));
    }
    if (weightGrams != null && weightGrams < 0) errors.add(new Problem.FieldError("weightGrams", "must not be negative"));
    if (priceFen < 0 || priceFen > MAX_PRICE_FEN) errors.add(new Problem.FieldError("priceFen", "must be between 0 and 100,000,000 yuan"));
    if (commissionBp < 0 || commissionBp > 10_000) errors.add(new Problem.FieldError("commissionBp", "must be between 0% and 100%"));
    if (stock < 0) errors.add(new Problem.FieldError("stock", "must not be negative"));
    for (String url : imageUrls) {
      if (!isWebUrl(url)) errors.add(new Problem.FieldError("imageUrls", "not an http(s) URL: " + url));
    }
    return errors;
  }

  /** Letters, digits and . _ / - only (checked for every row of a catalog, so without a regular expression). */
  private static boolean isSku(String sku) {
    if (sku.isEmpty()) return false;
    for (int i = 0; i < sku.length(); i++) {
      char c = sku.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".-_/".indexOf(c) >= 0;
      if (!allowed) return false;
    }
    return true;
  }

  /** http:// or https:// followed by at least one character and no white space. */
  private static boolean isWebUrl(String url) {
    int rest = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (rest < 0 || rest == url.length()) return false;
    for (int i = rest; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) return false;
    }
    return true;
  }

  private static void text(List<Problem.FieldError> errors, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) errors.add(new Problem.FieldError(field, "is required"));
    } else if (value.length() > max) {
      errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
    }
  }

  /** True when only stock differs: stock is not selling-relevant, so it needs no review. */
  boolean sameForSaleAs(ProductFields other) {
    return Objects.equals(name, other.name) && Objects.equals(category, other.category)
        && Objects.equals(origin, other.origin) && Objects.equals(spec, other.spec)
        && Objects.equals(weightGrams, other.weightGrams) && priceFen == other.priceFen
        && commissionBp == other.commissionBp && imageUrls.equals(other.imageUrls)
        && Objects.equals(description, other.description) && certifications.equals(other.certifications);
  }

  ProductFields withStock(int newStock) {
    return new ProductFields(sku, name, category, origin, spec, weightGrams, priceFen, commissionBp, newStock, imageUrls,
        description, certifications);
  }

  /** Same keys as the revision JSON the import builds in SQL (ProductRepository.UPSERT_REVISIONS). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("sku", sku)
        .put("name", name)
        .put("category", category)
        .put("origin", origin)
        .put("spec", spec)
        .put("weightGrams", weightGrams)
        .put("priceFen", priceFen)
        .put("commissionBp", commissionBp)
        .put("stock", stock)
        .put("imageUrls", new JsonArray(imageUrls))
        .put("description", description)
        .put("certifications", new JsonArray(certifications));
  }

  /** Reads a full JSON shape; {@code base} supplies whatever the JSON leaves out (a partial edit). */
  public static ProductFields fromJson(JsonObject json, ProductFields base) {
    return new ProductFields(
        pick(json, "sku", base == null ? null : base.sku),
        pick(json, "name", base == null ? null : base.name),
        pick(json, "category", base == null ? null : base.category),
        pick(json, "origin", base == null ? null : base.origin),
        pick(json, "spec", base == null ? null : base.spec),
        json.containsKey("weightGrams") ? json.getInteger("weightGrams") : base == null ? null : base.weightGrams,
        json.containsKey("priceFen") ? json.getLong("priceFen") : base == null ? 0 : base.priceFen,
        json.containsKey("commissionBp") ? json.getInteger("commissionBp") : base == null ? 0 : base.commissionBp,
        json.containsKey("stock") ? json.getInteger("stock") : base == null ? 0 : base.stock,
        json.containsKey("imageUrls") ? strings(json.getJsonArray("imageUrls")) : base == null ? List.of() : base.imageUrls,
        pick(json, "description", base == null ? null : base.description),
        json.containsKey("certifications") ? strings(json.getJsonArray("certifications"))
            : base == null ? List.of() : base.certifications);
  }

  private static String pick(JsonObject json, String key, String fallback) {
    if (!json.containsKey(key)) return fallback;
    String value = json.getString(key);
    return value == null ? null : value.trim();
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
