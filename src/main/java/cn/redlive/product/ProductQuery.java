package cn.redlive.product;

import cn.redlive.core.Paging;
import cn.redlive.platform.LikePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A product-library search. The SQL is assembled from fixed fragments for the filters actually given, so each
 * combination gets a plan of its own; values are always bound.
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

  private static final Set<String> STATUSES = Set.of("pending", "approved", "rejected", "delisted");

  ProductQuery confinedTo(Long onlyBrand, String onlyStatus) {
    return new ProductQuery(name, onlyBrand != null ? onlyBrand : brandId, category, origin, minPriceFen, maxPriceFen,
        minCommissionBp, onlyStatus != null ? onlyStatus : status, sort, paging);
  }

  record Sql(String text, List<Object> params) {
  }

  /**
   * The page and the total are two statements, run side by side. As one (count(*) OVER ()), every matching row was
   * joined, materialized and sorted before the page was cut: a word matching most of 100,000 products took about a
   * third of a second. Now the page stops after its rows when an index gives the order (newest first), and the
   * count reads only the products table.
   */
  Sql pageSql() {
    Sql filter = filter();
    List<Object> params = new ArrayList<>(filter.params());
    params.add(paging.size());
    params.add(paging.offset());
    String text = "SELECT " + ProductRepository.COLUMNS + " FROM " + ProductRepository.FROM + filter.text()
        + " ORDER BY " + SORTS.getOrDefault(sort == null ? "newest" : sort, SORTS.get("newest"))
        + " LIMIT $" + (params.size() - 1) + " OFFSET $" + params.size();
    return new Sql(text, params);
  }

  Sql countSql() {
    Sql filter = filter();
    return new Sql("SELECT count(*) FROM products p" + filter.text(), filter.params());
  }

  /** The WHERE clause of the filters given (empty when none), with its parameters. */
  private Sql filter() {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (name != null) {
      params.add(LikePattern.containing(name));
      where.add("p.name ILIKE $" + params.size());
    }
    add(where, params, "p.brand_id = $", brandId);
    add(where, params, "p.category = $", category);
    if (origin != null) {
      params.add(LikePattern.containing(origin));
      where.add("p.origin ILIKE $" + params.size());
    }
    add(where, params, "p.price_fen >= $", minPriceFen);
    add(where, params, "p.price_fen <= $", maxPriceFen);
    add(where, params, "p.commission_bp >= $", minCommissionBp);
    if (status != null && STATUSES.contains(status)) {
      // a literal (one of a fixed set, never the caller's text), so that even a generic plan can use the indexes
      // of approved products (V54)
      where.add("p.status = '" + status + "'");
    } else {
      add(where, params, "p.status = $", status);
    }
    return new Sql(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
  }

  private static void add(List<String> where, List<Object> params, String fragment, Object value) {
    if (value == null) return;
    params.add(value);
    where.add(fragment + params.size());
  }
}
