package cn.redlive.brand;

import cn.redlive.platform.LikePattern;
import io.vertx.core.Future;
import cn.redlive.platform.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All SQL of the brand feature. */
final class BrandRepository {

  private static final String LIST = """
      SELECT %s FROM brands
       WHERE ($1::bigint IS NULL OR id = $1)
         AND ($2::text IS NULL OR name ILIKE $2 OR enterprise ILIKE $2)
       ORDER BY name
      """.formatted(Brand.COLUMNS);

  private static final String FIND = "SELECT %s FROM brands WHERE id = $1".formatted(Brand.COLUMNS);

  private static final String INSERT = """
      INSERT INTO brands (name, enterprise, origin, certifications, contact_name, contact_phone)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT DO NOTHING
      RETURNING %s
      """.formatted(Brand.COLUMNS);

  private static final String UPDATE = """
      UPDATE brands SET name = $2, enterprise = $3, origin = $4, certifications = $5,
                        contact_name = $6, contact_phone = $7, updated_at = now()
       WHERE id = $1
      RETURNING %s
      """.formatted(Brand.COLUMNS);

  private static final String BRAND_OF = "SELECT brand_id FROM brand_members WHERE account_id = $1";

  private static final String LINK = """
      INSERT INTO brand_members (account_id, brand_id) VALUES ($1, $2)
      ON CONFLICT (account_id) DO UPDATE SET brand_id = EXCLUDED.brand_id, linked_at = now()
      """;

  private final Pool pool;

  BrandRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Brand>> list(Long onlyId, String query) {
    return pool.preparedQuery(LIST).execute(Tuple.of(onlyId, LikePattern.containing(query))).map(BrandRepository::all);
  }

  Future<Optional<Brand>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(Brand::from));
  }

  /** Empty when the name is taken. */
  Future<Optional<Brand>> insert(BrandFields f) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(f.name(), f.enterprise(), f.origin(),
        f.certifications().toArray(String[]::new), f.contactName(), f.contactPhone())).map(rows -> Rows.first(rows).map(Brand::from));
  }

  Future<Optional<Brand>> update(long id, BrandFields f) {
    return pool.preparedQuery(UPDATE).execute(Tuple.of(id, f.name(), f.enterprise(), f.origin(),
        f.certifications().toArray(String[]::new), f.contactName(), f.contactPhone())).map(rows -> Rows.first(rows).map(Brand::from));
  }

  Future<Optional<Long>> brandOf(long accountId) {
    return pool.preparedQuery(BRAND_OF).execute(Tuple.of(accountId)).map(rows -> Rows.first(rows).map(r -> r.getLong(0)));
  }

  /** Links an account the caller checked is a brand partner. */
  Future<Void> link(long accountId, long brandId) {
    return pool.preparedQuery(LINK).execute(Tuple.of(accountId, brandId)).mapEmpty();
  }

  private static List<Brand> all(RowSet<Row> rows) {
    List<Brand> brands = new ArrayList<>();
    rows.forEach(row -> brands.add(Brand.from(row)));
    return brands;
  }

}
