package cn.redlive.product;

import cn.redlive.web.Paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product-library search. The SQL is assembled from fixed fragments for the filters actually given, so each
 * combination gets a plan that can use its index (the trigram index for name substrings); values are always bound.
 */
public record ProductQuery(String name, Long brandId, String category, String origin, Long minPriceFen, Long maxPriceFen,
                           Integer minCommissionBp, String status, String sort, Paging paging) {

  static final Map<String, String> SORTS = Map.of(
      "newest", "p.id DESC",
      "price", "p.price_fen, p.id",
      "-price", "p.price_fen DESC, p.id",
      "commission", "p.commission_bp, p.id",
      "-commission", "p.commission_bp DESC, p.id",
      "name", "p.name, p.id");

  ProductQuery confinedTo(Long onlyBrand, String onlyStatus) {
    return new ProductQuery(name, onlyBrand != null ? onlyBrand : brandId, category, origin, minPriceFen, maxPriceFen,
        minCommissionBp, onlyStatus != null ? onlyStatus : status, sort, paging);
  }

  record Sql(String text, List<Object> params) {
  }

  Sql toSql() {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (name != null) {
      params.add("%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      where.add("p.name ILIKE $" + params.size());
    }
    add(where, params, "p.brand_id = $", brandId);
    add(where, params, "p.category = $", category);
    if (origin != null) {
      params.add(origin);
      where.add("p.origin ILIKE '%' || $" + params.size() + " || '%'");
    }
    add(where, params, "p.price_fen >= $", minPriceFen);
    add(where, params, "p.price_fen <= $", maxPriceFen);
    add(where, params, "p.commission_bp >= $", minCommissionBp);
    add(where, params, "p.status = $", status);
    params.add(paging.size());
    params.add(paging.offset());
    String text = "SELECT " + Product.COLUMNS + ", count(*) OVER () AS total FROM " + Product.FROM
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY " + SORTS.getOrDefault(sort == null ? "newest" : sort, SORTS.get("newest"))
        + " LIMIT $" + (params.size() - 1) + " OFFSET $" + params.size();
    return new Sql(text, params);
  }

  private static void add(List<String> where, List<Object> params, String fragment, Object value) {
    if (value == null) return;
    params.add(value);
    where.add(fragment + params.size());
  }
}
