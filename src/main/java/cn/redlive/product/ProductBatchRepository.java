package cn.redlive.product;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * Upserts a batch of catalog rows by (brand, SKU) in one transaction, with the same review rule as single edits:
 * new products and products not on sale take the new content and wait for review; an approved product keeps
 * selling its approved version, takes a new stock figure at once, and gets its other changes as a pending
 * revision. Rows equal to what is stored change nothing, so uploading the same file twice is harmless.
 */
public final class ProductBatchRepository {

  /** What one batch did; SKUs within a batch are unique (the import refuses duplicates before writing). */
  public record Outcome(int inserted, int updated, int unchanged) {
  }

  /**
   * Rows given as arrays: $1 brand, $2..$13 the columns; the uploader comes after them. The arrays are unnested in
   * the select list, where the twelve run side by side a value at a time: in FROM, unnest(a, b, ...) first copies
   * each array into a tuple store of its own, which took 4-5 times as long (250 against 55 ms per 100,000 rows).
   */
  private static final String GIVEN_ROWS = """
      WITH input AS (
        SELECT unnest($2::text[]) AS sku, unnest($3::text[]) AS name, unnest($4::text[]) AS category,
               unnest($5::text[]) AS origin, unnest($6::text[]) AS spec, unnest($7::int[]) AS weight_grams,
               unnest($8::bigint[]) AS price_fen, unnest($9::int[]) AS commission_bp, unnest($10::int[]) AS stock,
               unnest($11::text[]) AS image_urls, unnest($12::text[]) AS description, unnest($13::text[]) AS certifications
      ), rows AS (
        SELECT sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock,
               coalesce(string_to_array(nullif(image_urls, ''), E'\\n'), '{}') AS image_urls, description,
               coalesce(string_to_array(nullif(certifications, ''), E'\\n'), '{}') AS certifications
          FROM input
      )
      """;
  private static final int GIVEN_UPLOADER = 14;

  private static final String SELLING_FIELDS =
      "%1$s.name, %1$s.category, %1$s.origin, %1$s.spec, %1$s.weight_grams, %1$s.price_fen, %1$s.commission_bp, "
          + "%1$s.image_urls, %1$s.description, %1$s.certifications";

  /**
   * New products and products not on sale take the new content. Rows equal to the stored product are filtered out
   * before the insert: ON CONFLICT would lock (and so write) each of them even when its WHERE declines the update,
   * which made re-uploading an unchanged catalog rewrite every page of it. The stored product is looked up per row
   * (LATERAL ... LIMIT 1 keeps the planner from turning it into a join): as NOT EXISTS, the planner hashed all of the
   * brand's products for every chunk, so a 100,000-row import into a growing brand read the brand ~40 times over.
   * Answers counts, not a row per product.
   */
  private static final String UPSERT_UNAPPROVED = """
      , fresh AS (
        SELECT r.* FROM rows r
          LEFT JOIN LATERAL (SELECT (%1$s, p.stock) IS NOT DISTINCT FROM (%2$s, r.stock) AS same
                               FROM products p WHERE p.brand_id = $1 AND p.sku = r.sku LIMIT 1) stored ON true
         WHERE stored.same IS NOT TRUE
      ), written AS (
      INSERT INTO products AS p (brand_id, sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock,
                                 image_urls, description, certifications)
      SELECT $1, sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock, image_urls, description,
             certifications
        FROM fresh
      ON CONFLICT (brand_id, sku) DO UPDATE
         SET name = EXCLUDED.name, category = EXCLUDED.category, origin = EXCLUDED.origin, spec = EXCLUDED.spec,
             weight_grams = EXCLUDED.weight_grams, price_fen = EXCLUDED.price_fen, commission_bp = EXCLUDED.commission_bp,
             stock = EXCLUDED.stock, image_urls = EXCLUDED.image_urls, description = EXCLUDED.description,
             certifications = EXCLUDED.certifications, status = 'pending', reject_reason = NULL, updated_at = now()
       WHERE p.status <> 'approved'
         AND (%1$s, p.stock) IS DISTINCT FROM (%3$s, EXCLUDED.stock)
      RETURNING (p.xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM written
      """.formatted(SELLING_FIELDS.formatted("p"), SELLING_FIELDS.formatted("r"), SELLING_FIELDS.formatted("EXCLUDED"));

  /**
   * {@link #UPSERT_UNAPPROVED} for a writer that knows no one else inserts the brand's products meanwhile: new rows
   * are plainly inserted, and stored products that are not on sale updated by id where they differ (checked on the
   * row itself, so a concurrent change is seen, as ON CONFLICT would). ON CONFLICT checked the unique
   * index once more before each insert and logged each row twice (a speculative insert, then its confirmation):
   * about a tenth of the database's CPU in a 100,000-row import. A row inserted by someone else after the lookup
   * fails the statement with a unique violation; the caller then writes again with {@link #upsert}.
   */
  private static final String INSERT_OR_UPDATE_UNAPPROVED = """
      , looked AS (
        SELECT r.*, stored.id AS stored_id
          FROM rows r
          LEFT JOIN LATERAL (SELECT p.id FROM products p WHERE p.brand_id = $1 AND p.sku = r.sku LIMIT 1) stored ON true
      ), inserted AS (
        INSERT INTO products (brand_id, sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock,
                              image_urls, description, certifications)
        SELECT $1, sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock, image_urls, description,
               certifications
          FROM looked WHERE stored_id IS NULL
        RETURNING 1
      ), updated AS (
        UPDATE products p
           SET name = l.name, category = l.category, origin = l.origin, spec = l.spec, weight_grams = l.weight_grams,
               price_fen = l.price_fen, commission_bp = l.commission_bp, stock = l.stock, image_urls = l.image_urls,
               description = l.description, certifications = l.certifications, status = 'pending', reject_reason = NULL,
               updated_at = now()
          FROM looked l
         WHERE p.id = l.stored_id AND p.status <> 'approved' AND (%1$s, p.stock) IS DISTINCT FROM (%2$s, l.stock)
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM updated)::int AS updated
      """.formatted(SELLING_FIELDS.formatted("p"), SELLING_FIELDS.formatted("l"));

  /**
   * Approved products: a new stock figure applies at once, other changes become (or replace) the pending revision.
   * Looked up per row, as in {@link #UPSERT_UNAPPROVED}. Both read the same snapshot; the jsonb keys match
   * ProductFields.toJson, so a revision proposed by an edit and by an upload compare equal. {@code $%3$d} is the uploader.
   */
  private static final String CHANGES_OF_APPROVED = """
      , approved AS (
        SELECT p.id, p.stock AS live_stock, (%1$s) IS DISTINCT FROM (%2$s) AS selling_changed, r.*
          FROM rows r
         CROSS JOIN LATERAL (SELECT * FROM products p WHERE p.brand_id = $1 AND p.sku = r.sku AND p.status = 'approved'
                              LIMIT 1) p
      ), stock AS (
        UPDATE products p SET stock = a.stock, updated_at = now()
          FROM approved a
         WHERE p.id = a.id AND a.live_stock <> a.stock
        RETURNING a.sku
      ), revisions AS (
        INSERT INTO product_revisions AS rev (product_id, proposed, proposed_by)
        SELECT id, jsonb_build_object('sku', sku, 'name', name, 'category', category, 'origin', origin, 'spec', spec,
                 'weightGrams', weight_grams, 'priceFen', price_fen, 'commissionBp', commission_bp, 'stock', stock,
                 'imageUrls', to_jsonb(image_urls), 'description', description, 'certifications', to_jsonb(certifications)),
               $%3$d
          FROM approved
         WHERE selling_changed
        ON CONFLICT (product_id) WHERE status = 'pending'
        DO UPDATE SET proposed = EXCLUDED.proposed, proposed_by = EXCLUDED.proposed_by, updated_at = now()
         WHERE (rev.proposed - 'stock') IS DISTINCT FROM (EXCLUDED.proposed - 'stock')
        RETURNING rev.product_id
      )
      SELECT count(*)::int FROM (SELECT sku FROM stock UNION SELECT a.sku FROM revisions v JOIN approved a ON a.id = v.product_id) changed
      """;

  /**
   * The usual first upload of a catalog: when the brand has no product at all between the batch's lowest and highest
   * SKU, every row is new, and a plain insert does without the per-row lookup, the materialised CTE it feeds and the
   * update's pass over it (together about a quarter of the database's time in a 100,000-row import). The range is
   * checked once, by one index probe, before any row is inserted; when it holds a product, nothing is inserted and
   * the statement answers 0 rows. Its bounds are taken in SQL, so they follow the column's collation, which orders
   * the index; each is a scalar subquery of its own, so both are known before the probe and bound its index scan
   * (joined to one row of min and max instead, the planner read all of the brand's products).
   */
  private static final String INTO_FREE_RANGE = """
      INSERT INTO products (brand_id, sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock,
                            image_urls, description, certifications)
      SELECT $1, sku, name, category, origin, spec, weight_grams, price_fen, commission_bp, stock, image_urls, description,
             certifications
        FROM rows
       WHERE NOT EXISTS (SELECT FROM products p
                          WHERE p.brand_id = $1
                            AND p.sku BETWEEN (SELECT min(s) FROM (SELECT unnest($2::text[]) AS s) skus)
                                          AND (SELECT max(s) FROM (SELECT unnest($2::text[]) AS s) skus))
      """;

  private static final String UPSERT = GIVEN_ROWS + UPSERT_UNAPPROVED;
  private static final String INSERT_OR_UPDATE = GIVEN_ROWS + INSERT_OR_UPDATE_UNAPPROVED;
  private static final String INSERT_INTO_FREE_RANGE = GIVEN_ROWS + INTO_FREE_RANGE;
  private static final String APPROVED = GIVEN_ROWS + CHANGES_OF_APPROVED.formatted(SELLING_FIELDS.formatted("p"),
      SELLING_FIELDS.formatted("r"), GIVEN_UPLOADER);

  private final Pool pool;

  public ProductBatchRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Outcome> upsert(long brandId, long uploaderId, List<ProductFields> batch) {
    return pool.withTransaction(tx -> upsert(tx, brandId, uploaderId, batch));
  }

  /**
   * The same in the caller's transaction: a catalog import writes all its chunks in one, so a file that turns out
   * to be wrong (a repeated SKU, a broken byte near the end) leaves nothing behind. SKUs must be unique in a batch.
   */
  public static Future<Outcome> upsert(SqlConnection tx, long brandId, long uploaderId, List<ProductFields> batch) {
    return write(tx, UPSERT, appendColumns(Tuple.of(brandId), batch), uploaderId, batch.size());
  }

  /**
   * The same for a writer that holds the brand's import lock, so that no other import inserts its products meanwhile;
   * fails with a unique violation should anyone else (a single product created by hand) insert one of the SKUs. A
   * batch of SKUs new to the brand's range is inserted plainly ({@link #INTO_FREE_RANGE}); any other is looked up row
   * by row ({@link #INSERT_OR_UPDATE_UNAPPROVED}).
   */
  public static Future<Outcome> insertOrUpdate(SqlConnection tx, long brandId, long uploaderId, List<ProductFields> batch) {
    Tuple params = appendColumns(Tuple.of(brandId), batch);
    return tx.preparedQuery(INSERT_INTO_FREE_RANGE).execute(params).compose(inserted -> inserted.rowCount() > 0
        ? Future.succeededFuture(new Outcome(inserted.rowCount(), 0, 0))
        : write(tx, INSERT_OR_UPDATE, params, uploaderId, batch.size()));
  }

  private static Future<Outcome> write(SqlConnection tx, String unapproved, Tuple params, long uploaderId, int rows) {
    return tx.preparedQuery(unapproved).execute(params).compose(counts -> {
      Row row = counts.iterator().next();
      int inserted = row.getInteger("inserted"), updated = row.getInteger("updated");
      int untouched = rows - inserted - updated;
      // every row was new or changed as an unapproved product: none can be an approved one
      if (untouched == 0) return Future.succeededFuture(new Outcome(inserted, updated, 0));
      // the upsert left approved products alone and made none approved, so the two counts are of distinct products
      return tx.preparedQuery(APPROVED).execute(plus(params, uploaderId)).map(changed -> {
        int approvedChanged = changed.iterator().next().getInteger(0);
        return new Outcome(inserted, updated + approvedChanged, untouched - approvedChanged);
      });
    });
  }

  /** The list newline-joined; most catalog rows have one image and one or two certifications. */
  private static String lines(List<String> values) {
    return switch (values.size()) {
      case 0 -> "";
      case 1 -> values.get(0);
      default -> String.join("\n", values);
    };
  }

  private static Tuple plus(Tuple params, Object extra) {
    Tuple copy = Tuple.tuple();
    for (int i = 0; i < params.size(); i++) copy.addValue(params.getValue(i));
    return copy.addValue(extra);
  }

  /**
   * Appends the batch as 12 column arrays (sku, name, category, origin, spec, weight, price, commission, stock,
   * image URLs and certifications newline-joined, description), the shape both this writer and the import's
   * staging unnest.
   */
  public static Tuple appendColumns(Tuple tuple, List<ProductFields> batch) {
    int n = batch.size();
    String[] sku = new String[n], name = new String[n], category = new String[n], origin = new String[n], spec = new String[n];
    String[] images = new String[n], description = new String[n], certs = new String[n];
    Integer[] weight = new Integer[n], commission = new Integer[n], stock = new Integer[n];
    Long[] price = new Long[n];
    for (int i = 0; i < n; i++) {
      ProductFields f = batch.get(i);
      sku[i] = f.sku();
      name[i] = f.name();
      category[i] = f.category();
      origin[i] = f.origin();
      spec[i] = f.spec();
      weight[i] = f.weightGrams();
      price[i] = f.priceFen();
      commission[i] = f.commissionBp();
      stock[i] = f.stock();
      images[i] = lines(f.imageUrls());
      description[i] = f.description();
      certs[i] = lines(f.certifications());
    }
    return tuple.addArrayOfString(sku).addArrayOfString(name).addArrayOfString(category).addArrayOfString(origin)
        .addArrayOfString(spec).addArrayOfInteger(weight).addArrayOfLong(price).addArrayOfInteger(commission)
        .addArrayOfInteger(stock).addArrayOfString(images).addArrayOfString(description).addArrayOfString(certs);
  }
}
