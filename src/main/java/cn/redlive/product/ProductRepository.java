package cn.redlive.product;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import cn.redlive.platform.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of products, revisions and review decisions (the batch upsert of imports is in {@link ProductBatchRepository}). */
final class ProductRepository {

  /** The columns {@code Product.from(Row)} reads. */
  static final String COLUMNS = """
      p.id, p.brand_id, b.name AS brand_name, p.sku, p.name, p.category, p.origin, p.spec, p.weight_grams, p.price_fen,
      p.commission_bp, p.stock, p.image_urls, p.description, p.certifications, p.status, p.reject_reason,
      p.created_at, p.updated_at,
      (SELECT r.proposed FROM product_revisions r WHERE r.product_id = p.id AND r.status = 'pending') AS pending_revision
      """;
  static final String FROM = "products p JOIN brands b ON b.id = p.brand_id";

  private static final String FIND = "SELECT " + COLUMNS + " FROM " + FROM + " WHERE p.id = $1";

  /**
   * A product-library search page: the filters' WHERE clause (see {@link ProductSearchFilter}), the order, then the
   * limit and offset parameters. Page and total are two statements, run side by side. As one (count(*) OVER ()),
   * every matching row was joined, materialized and sorted before the page was cut: a word matching most of 100,000
   * products took about a third of a second. Now the page stops after its rows when an index gives the order
   * (newest first), and the count reads only the products table.
   */
  private static final String SEARCH_PAGE = "SELECT " + COLUMNS + " FROM " + FROM + "%s ORDER BY %s LIMIT $%d OFFSET $%d";

  /** The total of a search: the same WHERE clause. */
  private static final String SEARCH_COUNT = "SELECT count(*) FROM products p%s";

  private static final String BRAND_OF = "SELECT brand_id, status FROM products WHERE id = $1";

  private static final String INSERT = """
      INSERT INTO products (brand_id, sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock,
                            image_urls, description, certifications)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      ON CONFLICT (brand_id, sku) DO NOTHING
      RETURNING id
      """;

  /** Content edits of a product not on sale put it (back) in the review queue. */
  private static final String UPDATE_UNAPPROVED = """
      UPDATE products SET sku = $2, name = $3, category = $4, origin = $5, spec = $6, weight_grams = $7, price_fen = $8,
                          commission_bp = $9, stock = $10, image_urls = $11, description = $12, certifications = $13,
                          status = 'pending', reject_reason = NULL, updated_at = now()
       WHERE id = $1 AND status <> 'approved'
      """;

  /** Managers' own edits apply at once, whatever the status. */
  private static final String UPDATE_IN_PLACE = """
      UPDATE products SET sku = $2, name = $3, category = $4, origin = $5, spec = $6, weight_grams = $7, price_fen = $8,
                          commission_bp = $9, stock = $10, image_urls = $11, description = $12, certifications = $13,
                          updated_at = now()
       WHERE id = $1
      """;

  private static final String SET_STOCK = "UPDATE products SET stock = $2, updated_at = now() WHERE id = $1";

  private static final String PROPOSE = """
      INSERT INTO product_revisions (product_id, proposed, proposed_by) VALUES ($1, $2, $3)
      ON CONFLICT (product_id) WHERE status = 'pending'
      DO UPDATE SET proposed = EXCLUDED.proposed, proposed_by = EXCLUDED.proposed_by, updated_at = now()
      """;

  private static final String WITHDRAW_REVISION = """
      DELETE FROM product_revisions WHERE product_id = $1 AND status = 'pending'
      """;

  private static final String PENDING_REVISION = """
      SELECT id FROM product_revisions WHERE product_id = $1 AND status = 'pending' FOR UPDATE
      """;

  /** Applies the reviewed revision to the live row; the jsonb keys are those of ProductFields.toJson. */
  private static final String APPLY_REVISION = """
      UPDATE products p
         SET sku = r.proposed->>'sku', name = r.proposed->>'name', category = r.proposed->>'category',
             origin = r.proposed->>'origin', spec = r.proposed->>'spec',
             weight_grams = (r.proposed->>'weightGrams')::integer, price_fen = (r.proposed->>'priceFen')::bigint,
             commission_bp = (r.proposed->>'commissionBp')::integer,
             image_urls = ARRAY(SELECT jsonb_array_elements_text(r.proposed->'imageUrls')),
             description = r.proposed->>'description',
             certifications = ARRAY(SELECT jsonb_array_elements_text(r.proposed->'certifications')),
             updated_at = now()
        FROM product_revisions r
       WHERE r.id = $1 AND p.id = r.product_id
      """;

  private static final String CLOSE_REVISION = """
      UPDATE product_revisions SET status = $2, updated_at = now() WHERE id = $1
      """;

  private static final String SET_STATUS = """
      UPDATE products SET status = $2, reject_reason = $3, updated_at = now()
       WHERE id = $1 AND status = ANY($4)
      RETURNING id
      """;

  private static final String DECIDE = """
      INSERT INTO product_decisions (product_id, revision_id, decision, reason, decided_by) VALUES ($1, $2, $3, $4, $5)
      """;

  private static final String HISTORY = """
      SELECT d.id, d.revision_id, d.decision, d.reason, d.decided_at, d.decided_by
        FROM product_decisions d
       WHERE d.product_id = $1
       ORDER BY d.decided_at, d.id
      """;

  private static final String QUEUE = "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM " + FROM + """
       WHERE (p.status = 'pending'
              OR EXISTS (SELECT 1 FROM product_revisions r WHERE r.product_id = p.id AND r.status = 'pending'))
         AND ($3::bigint IS NULL OR p.brand_id = $3)
       ORDER BY p.updated_at, p.id
       LIMIT $1 OFFSET $2
      """;

  private static final String EXISTING_IDS = "SELECT id FROM products WHERE id = ANY($1::bigint[])";

  private static final String IDS_BY_SKU = """
      SELECT p.id, p.brand_id, p.sku FROM products p
        JOIN unnest($1::bigint[], $2::text[]) AS k(brand_id, sku) ON p.brand_id = k.brand_id AND p.sku = k.sku
      """;

  private static final String IS_APPROVED = "SELECT 1 FROM products WHERE id = $1 AND status = 'approved'";

  private final Pool pool;

  ProductRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Optional<Product>> find(SqlClient client, long id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(Product::from));
  }

  Future<Optional<Row>> ownerAndStatus(long id) {
    return pool.preparedQuery(BRAND_OF).execute(Tuple.of(id)).map(Rows::first);
  }

  Future<Optional<Long>> insert(long brandId, ProductFields f) {
    return pool.preparedQuery(INSERT).execute(withFields(Tuple.of(brandId), f)).map(rows -> Rows.first(rows).map(r -> r.getLong(0)));
  }

  Future<Void> updateUnapproved(SqlClient client, long id, ProductFields f) {
    return client.preparedQuery(UPDATE_UNAPPROVED).execute(withFields(Tuple.of(id), f)).mapEmpty();
  }

  Future<Void> updateInPlace(SqlClient client, long id, ProductFields f) {
    return client.preparedQuery(UPDATE_IN_PLACE).execute(withFields(Tuple.of(id), f)).mapEmpty();
  }

  Future<Void> setStock(SqlClient client, long id, int stock) {
    return client.preparedQuery(SET_STOCK).execute(Tuple.of(id, stock)).mapEmpty();
  }

  Future<Void> propose(SqlClient client, long id, ProductFields f, long accountId) {
    return client.preparedQuery(PROPOSE).execute(Tuple.of(id, f.toJson(), accountId)).mapEmpty();
  }

  Future<Void> withdrawRevision(SqlClient client, long id) {
    return client.preparedQuery(WITHDRAW_REVISION).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Optional<Long>> lockPendingRevision(SqlClient client, long productId) {
    return client.preparedQuery(PENDING_REVISION).execute(Tuple.of(productId)).map(rows -> Rows.first(rows).map(r -> r.getLong(0)));
  }

  Future<Void> applyRevision(SqlClient client, long revisionId) {
    return client.preparedQuery(APPLY_REVISION).execute(Tuple.of(revisionId))
        .compose(v -> client.preparedQuery(CLOSE_REVISION).execute(Tuple.of(revisionId, "approved"))).mapEmpty();
  }

  Future<Void> rejectRevision(SqlClient client, long revisionId) {
    return client.preparedQuery(CLOSE_REVISION).execute(Tuple.of(revisionId, "rejected")).mapEmpty();
  }

  /** False when the product is not in one of {@code from}. */
  Future<Boolean> setStatus(SqlClient client, long id, String status, String reason, String... from) {
    return client.preparedQuery(SET_STATUS).execute(Tuple.of(id, status, reason, from)).map(rows -> rows.size() > 0);
  }

  Future<Void> decide(SqlClient client, long productId, Long revisionId, String decision, String reason, long managerId) {
    return client.preparedQuery(DECIDE).execute(Tuple.of(productId, revisionId, decision, reason, managerId)).mapEmpty();
  }

  /** A review decision as the history shows it, and the manager who took it (named by the account feature). */
  record Decision(JsonObject json, long decidedBy) {
  }

  Future<List<Decision>> history(long productId) {
    return pool.preparedQuery(HISTORY).execute(Tuple.of(productId)).map(rows -> {
      List<Decision> items = new ArrayList<>();
      rows.forEach(r -> items.add(new Decision(new JsonObject()
          .put("id", r.getLong("id"))
          .put("decision", r.getString("decision"))
          .put("ofRevision", r.getLong("revision_id") != null)
          .put("reason", r.getString("reason"))
          .put("decidedAt", r.getOffsetDateTime("decided_at").toInstant().toString()), r.getLong("decided_by"))));
      return items;
    });
  }

  record PageOf(List<Product> items, long total) {
  }

  Future<PageOf> search(ProductQuery query) {
    ProductSearchFilter.Clause where = ProductSearchFilter.where(query);
    List<Object> pageParams = new ArrayList<>(where.params());
    pageParams.add(query.paging().size());
    pageParams.add(query.paging().offset());
    String page = SEARCH_PAGE.formatted(where.text(), ProductSearchFilter.orderBy(query.sort()), pageParams.size() - 1,
        pageParams.size());
    Future<RowSet<Row>> items = pool.preparedQuery(page).execute(Tuple.from(pageParams));
    Future<RowSet<Row>> total = pool.preparedQuery(SEARCH_COUNT.formatted(where.text())).execute(Tuple.from(where.params()));
    return Future.all(items, total).map(both -> {
      List<Product> products = new ArrayList<>();
      items.result().forEach(row -> products.add(Product.from(row)));
      return new PageOf(products, total.result().iterator().next().getLong(0));
    });
  }

  Future<PageOf> queue(Long brandId, int limit, int offset) {
    return pool.preparedQuery(QUEUE).execute(Tuple.of(limit, offset, brandId)).map(ProductRepository::page);
  }

  Future<java.util.Set<Long>> existingIds(java.util.Collection<Long> ids) {
    return pool.preparedQuery(EXISTING_IDS).execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
      java.util.Set<Long> found = new java.util.HashSet<>();
      rows.forEach(r -> found.add(r.getLong("id")));
      return found;
    });
  }

  Future<java.util.Map<Products.SkuKey, Long>> idsBySku(List<Long> brandIds, List<String> skus) {
    return pool.preparedQuery(IDS_BY_SKU)
        .execute(Tuple.tuple().addArrayOfLong(brandIds.toArray(Long[]::new)).addArrayOfString(skus.toArray(String[]::new))).map(rows -> {
          java.util.Map<Products.SkuKey, Long> ids = new java.util.HashMap<>();
          rows.forEach(r -> ids.put(new Products.SkuKey(r.getLong("brand_id"), r.getString("sku")), r.getLong("id")));
          return ids;
        });
  }

  Future<Boolean> isApproved(long id) {
    return pool.preparedQuery(IS_APPROVED).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  private static PageOf page(RowSet<Row> rows) {
    List<Product> items = new ArrayList<>();
    long total = 0;
    for (Row row : rows) {
      items.add(Product.from(row));
      total = row.getLong("total");
    }
    return new PageOf(items, total);
  }

  private static Tuple withFields(Tuple tuple, ProductFields f) {
    return tuple.addString(f.sku()).addString(f.name()).addString(f.category()).addString(f.origin()).addString(f.spec())
        .addInteger(f.weightGrams()).addLong(f.priceFen()).addInteger(f.commissionBp()).addInteger(f.stock())
        .addArrayOfString(f.imageUrls().toArray(String[]::new)).addString(f.description())
        .addArrayOfString(f.certifications().toArray(String[]::new));
  }

}
