package cn.redlive.selection;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import cn.redlive.platform.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.Optional;

/** All SQL of selection lists. */
final class SelectionRepository {

  private static final String LIST_JSON = """
      SELECT l.id, l.streamer_id, l.title, l.planned_date, l.created_at,
             coalesce((SELECT jsonb_agg(jsonb_build_object('productId', p.id, 'sku', p.sku, 'name', p.name,
                                 'brandId', p.brand_id, 'brandName', b.name, 'priceFen', p.price_fen,
                                 'commissionBp', p.commission_bp, 'status', p.status, 'note', i.note,
                                 'stock', p.stock, 'imageUrl', p.image_urls[1],
                                 'addedAt', i.added_at) ORDER BY i.added_at)
                         FROM selection_items i JOIN products p ON p.id = i.product_id JOIN brands b ON b.id = p.brand_id
                        WHERE i.list_id = l.id), '[]'::jsonb) AS items
        FROM selection_lists l
      """;

  private static final String CREATE = """
      INSERT INTO selection_lists (streamer_id, title, planned_date) VALUES ($1, $2, $3) RETURNING id
      """;

  private static final String FIND = LIST_JSON + " WHERE l.id = $1";

  private static final String LIST = LIST_JSON + """
       WHERE ($1::bigint IS NULL OR l.streamer_id = $1) AND ($2::date IS NULL OR l.planned_date >= $2)
       ORDER BY l.planned_date, l.id
       LIMIT 200
      """;

  private static final String OWNER = "SELECT streamer_id FROM selection_lists WHERE id = $1";

  private static final String ADD = """
      INSERT INTO selection_items (list_id, product_id, note) VALUES ($1, $2, $3)
      ON CONFLICT (list_id, product_id) DO UPDATE SET note = EXCLUDED.note
      """;

  private static final String REMOVE = "DELETE FROM selection_items WHERE list_id = $1 AND product_id = $2";

  private static final String IS_SELECTED = """
      SELECT 1 FROM selection_items i JOIN selection_lists l ON l.id = i.list_id
       WHERE l.streamer_id = $1 AND i.product_id = $2
       LIMIT 1
      """;

  /** How often each product was picked: by how many lists and how many streamers. */
  private static final String MOST_SELECTED = """
      SELECT p.id, p.sku, p.name, p.brand_id, b.name AS brand_name, p.price_fen, p.commission_bp, p.status,
             count(*) AS lists, count(DISTINCT l.streamer_id) AS streamers, max(l.planned_date) AS last_planned
        FROM selection_items i
        JOIN selection_lists l ON l.id = i.list_id
        JOIN products p ON p.id = i.product_id
        JOIN brands b ON b.id = p.brand_id
       WHERE ($1::bigint IS NULL OR p.brand_id = $1)
         AND ($3::date IS NULL OR l.planned_date >= $3)
         AND ($4::date IS NULL OR l.planned_date <= $4)
       GROUP BY p.id, b.name
       ORDER BY lists DESC, streamers DESC, p.id
       LIMIT $2
      """;

  private final Pool pool;

  SelectionRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Long> create(long streamerId, String title, LocalDate plannedDate) {
    return pool.preparedQuery(CREATE).execute(Tuple.of(streamerId, title, plannedDate)).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Optional<JsonObject>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(SelectionRepository::toJson));
  }

  Future<JsonArray> list(Long streamerId, LocalDate from) {
    return pool.preparedQuery(LIST).execute(Tuple.of(streamerId, from)).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(toJson(row)));
      return items;
    });
  }

  Future<Optional<Long>> owner(long listId) {
    return pool.preparedQuery(OWNER).execute(Tuple.of(listId)).map(rows -> Rows.first(rows).map(r -> r.getLong(0)));
  }

  Future<Void> add(long listId, long productId, String note) {
    return pool.preparedQuery(ADD).execute(Tuple.of(listId, productId, note)).mapEmpty();
  }

  Future<Boolean> remove(long listId, long productId) {
    return pool.preparedQuery(REMOVE).execute(Tuple.of(listId, productId)).map(rows -> rows.rowCount() > 0);
  }

  Future<Boolean> isSelected(long streamerId, long productId) {
    return pool.preparedQuery(IS_SELECTED).execute(Tuple.of(streamerId, productId)).map(rows -> rows.size() > 0);
  }

  /** Counts the lists for sessions planned within [from, to] (either end open when null). */
  Future<JsonArray> mostSelected(Long brandId, int limit, LocalDate from, LocalDate to) {
    return pool.preparedQuery(MOST_SELECTED).execute(Tuple.of(brandId, limit, from, to)).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(r -> items.add(new JsonObject()
          .put("productId", r.getLong("id"))
          .put("sku", r.getString("sku"))
          .put("name", r.getString("name"))
          .put("brandId", r.getLong("brand_id"))
          .put("brandName", r.getString("brand_name"))
          .put("priceFen", r.getLong("price_fen"))
          .put("commissionBp", r.getInteger("commission_bp"))
          .put("status", r.getString("status"))
          .put("lists", r.getLong("lists"))
          .put("streamers", r.getLong("streamers"))
          .put("lastPlannedDate", r.getLocalDate("last_planned").toString())));
      return items;
    });
  }

  private static JsonObject toJson(Row row) {
    Object items = row.getValue("items");
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("streamerId", row.getLong("streamer_id"))
        .putNull("streamerName") // SelectionLists names the streamer through the account feature
        .put("title", row.getString("title"))
        .put("plannedDate", row.getLocalDate("planned_date").toString())
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
        .put("items", items instanceof JsonArray array ? array : new JsonArray());
  }

}
