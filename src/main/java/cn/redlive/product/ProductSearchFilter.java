package cn.redlive.product;

import cn.redlive.platform.LikePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL fragments of a product-library search, for {@link ProductRepository#search}: the WHERE clause assembled
 * from fixed fragments for the filters actually given, so each combination gets a plan of its own, values always
 * bound; and the ORDER BY of each sort.
 */
final class ProductSearchFilter {

  /** By the sort names of {@link ProductQuery#SORTS}. */
  static final Map<String, String> ORDER_BY = Map.of(
      "newest", "p.id DESC",
      "price", "p.price_fen, p.id",
      "-price", "p.price_fen DESC, p.id",
      "commission", "p.commission_bp, p.id",
      "-commission", "p.commission_bp DESC, p.id",
      "name", "p.name, p.id");

  private static final Set<String> STATUSES = Set.of("pending", "approved", "rejected", "delisted");

  /** A WHERE clause (empty when no filter is given) and its parameters, $1 on. */
  record Clause(String text, List<Object> params) {
  }

  private ProductSearchFilter() {
  }

  static String orderBy(String sort) {
    return ORDER_BY.getOrDefault(sort == null ? "newest" : sort, ORDER_BY.get("newest"));
  }

  static Clause where(ProductQuery q) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (q.name() != null) {
      params.add(LikePattern.containing(q.name()));
      where.add("p.name ILIKE $" + params.size());
    }
    add(where, params, "p.brand_id = $", q.brandId());
    add(where, params, "p.category = $", q.category());
    if (q.origin() != null) {
      params.add(LikePattern.containing(q.origin()));
      where.add("p.origin ILIKE $" + params.size());
    }
    add(where, params, "p.price_fen >= $", q.minPriceFen());
    add(where, params, "p.price_fen <= $", q.maxPriceFen());
    add(where, params, "p.commission_bp >= $", q.minCommissionBp());
    if (q.status() != null && STATUSES.contains(q.status())) {
      // a literal (one of a fixed set, never the caller's text), so that even a generic plan can use the indexes
      // of approved products (V54)
      where.add("p.status = '" + q.status() + "'");
    } else {
      add(where, params, "p.status = $", q.status());
    }
    return new Clause(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
  }

  private static void add(List<String> where, List<Object> params, String fragment, Object value) {
    if (value == null) return;
    params.add(value);
    where.add(fragment + params.size());
  }
}
