package cn.redlive.enterprise;

import cn.redlive.platform.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** SQL of enterprises. Brands link to an enterprise through brands.enterprise_id (kept by a trigger, V40). */
final class EnterpriseRepository {

  private static final String SELECT = """
      SELECT e.*, coalesce((SELECT json_agg(json_build_object('id', b.id, 'name', b.name) ORDER BY b.name)
                              FROM brands b WHERE b.enterprise_id = e.id), '[]'::json) AS brands
        FROM enterprises e
      """;

  private static final String LIST = SELECT + " WHERE ($1::boolean IS NULL OR e.resident = $1) ORDER BY e.name";
  private static final String FIND = SELECT + " WHERE e.id = $1";

  /** Registering a name that brands already brought in makes that enterprise resident rather than a duplicate. */
  // the ::date casts let PostgreSQL type a null start date (a non-resident enterprise): "$2 IS NOT NULL" alone
  // gives it no type and the statement fails with 42P08
  private static final String INSERT = """
      INSERT INTO enterprises AS e (name, resident, incubation_start, incubation_months, rent_free_months,
                                    equipment_deposit_fen, mentor, contact)
      VALUES ($1, $2::date IS NOT NULL, $2::date, $3, $4, $5, $6, $7)
      ON CONFLICT (lower(name)) DO UPDATE SET resident = EXCLUDED.resident, incubation_start = EXCLUDED.incubation_start,
        incubation_months = EXCLUDED.incubation_months, rent_free_months = EXCLUDED.rent_free_months,
        equipment_deposit_fen = EXCLUDED.equipment_deposit_fen, mentor = EXCLUDED.mentor, contact = EXCLUDED.contact,
        updated_at = now()
      WHERE NOT e.resident
      RETURNING id
      """;

  private static final String UPDATE = """
      UPDATE enterprises SET name = $2, resident = $3::date IS NOT NULL, incubation_start = $3::date, incubation_months = $4,
             rent_free_months = $5, equipment_deposit_fen = $6, mentor = $7, contact = $8, updated_at = now()
       WHERE id = $1 RETURNING id
      """;

  private static final String NAME_TAKEN = "SELECT id FROM enterprises WHERE lower(name) = lower($1) AND id <> $2";

  private static final String LINK_BRAND = """
      UPDATE brands b SET enterprise = e.name, enterprise_id = e.id, updated_at = now()
        FROM enterprises e WHERE e.id = $1 AND b.id = $2 RETURNING b.id
      """;

  private static final String RENAME_BRANDS = "UPDATE brands SET enterprise = $2, updated_at = now() WHERE enterprise_id = $1";

  private final Pool pool;

  EnterpriseRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<Enterprise>> list(Boolean resident) {
    return pool.preparedQuery(LIST).execute(Tuple.of(resident)).map(rows -> Rows.all(rows, Enterprise::from));
  }

  Future<Optional<Enterprise>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(Enterprise::from));
  }

  Future<Optional<Long>> insert(EnterpriseFields f) {
    return pool.preparedQuery(INSERT).execute(Tuple.from(new Object[] {f.name(), f.incubationStart(), f.incubationMonths(),
        f.rentFreeMonths(), f.equipmentDepositFen(), f.mentor(), f.contact()})).map(rows -> Rows.first(rows).map(r -> r.getLong("id")));
  }

  Future<Boolean> nameTaken(String name, long exceptId) {
    return pool.preparedQuery(NAME_TAKEN).execute(Tuple.of(name, exceptId)).map(rows -> rows.size() > 0);
  }

  /** Updates the facts and keeps the brands' enterprise text equal to the name. */
  Future<Boolean> update(long id, EnterpriseFields f) {
    return pool.withTransaction(tx -> tx.preparedQuery(UPDATE).execute(Tuple.from(new Object[] {id, f.name(),
            f.incubationStart(), f.incubationMonths(), f.rentFreeMonths(), f.equipmentDepositFen(), f.mentor(), f.contact()}))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
            : tx.preparedQuery(RENAME_BRANDS).execute(Tuple.of(id, f.name())).map(true)));
  }

  Future<Boolean> linkBrand(long enterpriseId, long brandId) {
    return pool.preparedQuery(LINK_BRAND).execute(Tuple.of(enterpriseId, brandId)).map(rows -> rows.size() == 1);
  }
}
