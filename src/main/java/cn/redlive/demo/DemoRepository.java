package cn.redlive.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's SQL: which demo sets are loaded, the ids the loaders look up, and the set-wise statements of the demo
 * sales. The demo is the one writer allowed across features' tables, since it seeds them all; everything else it
 * writes goes through the features' own services.
 */
final class DemoRepository {

  private static final String LOADED = "SELECT 1 FROM demo_loads WHERE name = $1";
  private static final String MARK_LOADED = "INSERT INTO demo_loads (name) VALUES ($1) ON CONFLICT DO NOTHING";
  private static final String ACCOUNT_ID = "SELECT id FROM accounts WHERE username = $1";
  private static final String PRODUCTS_OF_BRAND = "SELECT id FROM products WHERE brand_id = $1 ORDER BY id";

  /**
   * The demo sales so the reviews have something to show: the demo brands' enterprises become resident (incubation
   * facts), the six demo streamers hold a live session every third day and sell approved products every day for
   * fourteen months with a gentle upward trend (some refunds), and there are monthly targets for streamers, teams,
   * enterprises and the base. Everything is written through the ledger, so attribution and rollups come from the same
   * triggers as real sales.
   */
  private static final String[] SALES = {
      """
      UPDATE enterprises e SET resident = true,
             incubation_start = (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - (x.n % 14) * interval '1 month')::date + 9,
             equipment_deposit_fen = 2000000 + (x.n % 4) * 500000,
             mentor = (ARRAY['马建国', '李慧敏', '宁夏大学 张教授', '银川电商协会 周老师'])[1 + x.n % 4],
             contact = '0951-60' || lpad((x.n * 37 % 10000)::text, 4, '0'), updated_at = now()
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM enterprises
               WHERE id IN (SELECT enterprise_id FROM brands)) x
       WHERE e.id = x.id AND x.n <= 12
      """,
      // a finished live session every third day for each demo streamer, with settled figures (UV, buyers, GMV)
      """
      WITH made AS (
        INSERT INTO live_sessions (streamer_account_id, team_id, title, planned_start, planned_end, status, started_at,
                                   ended_at, created_by)
        SELECT a.id, s.team_id, '红色直播间 · ' || to_char(d AT TIME ZONE 'Asia/Shanghai', 'MM月DD日') || ' 宁夏好物', d,
               d + interval '2 hours', 'ended', d, d + interval '2 hours', a.id
          FROM accounts a LEFT JOIN streamers s ON s.account_id = a.id
         CROSS JOIN LATERAL (SELECT g::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '19 hours 30 minutes' AS d
                               FROM generate_series((now() AT TIME ZONE 'Asia/Shanghai')::date - 420,
                                                    (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, interval '3 days') g) days
         WHERE a.username LIKE 'streamer.%'
        RETURNING id
      )
      INSERT INTO live_session_results (session_id, peak_viewers, unique_viewers, likes, new_fans, comments, shares, orders,
             buyers, gmv_fen, watch_seconds, avg_watch_seconds, conversion_bp, uv_value_fen, final)
      SELECT id, 300 + id * 37 % 900, 2000 + id * 131 % 6000, 10000 + id * 997 % 50000, 20 + id % 150, 300 + id % 900,
             20 + id % 60, 40 + id % 80, 35 + id % 70, (40 + id % 80) * (6000 + id * 53 % 9000), 0, 95 + id % 120,
             (35 + id % 70) * 10000 / (2000 + id * 131 % 6000), (40 + id % 80) * (6000 + id * 53 % 9000) / (2000 + id * 131 % 6000),
             true
        FROM made
      """,
      // each streamer sells 2-5 orders a day of approved products for 14 months, rising about 2.5% a month (so about
      // 30% over the same month last year), on live and elsewhere
      """
      INSERT INTO sales_orders (order_id, streamer_account_id, product_id, quantity, amount_fen, channel, ordered_at, business_day)
      SELECT 'demo-' || a.username || '-' || to_char(d, 'YYYYMMDD') || '-' || k,
             a.id, p.ids[1 + (a.id * 31 + k * 17 + extract(doy FROM d)::int) % array_length(p.ids, 1)],
             1 + k % 2, ((4900 + (a.id * 977 + k * 1301 + extract(doy FROM d)::int * 73) % 20000)
                         * (1 + 0.025 * (14 - months_ago)))::bigint,
             (ARRAY['live', 'live', 'live', 'douyin', 'kuaishou', 'taobao'])[1 + (k + extract(doy FROM d)::int) % 6],
             d + ((9 + (k * 5 + a.id) % 13) * interval '1 hour') + (k * 7 % 60) * interval '1 minute', current_date
        FROM accounts a
        CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM products WHERE status = 'approved') p
        CROSS JOIN LATERAL (SELECT g::timestamp AT TIME ZONE 'Asia/Shanghai' AS d,
                                   (extract(year FROM age(now(), g)) * 12 + extract(month FROM age(now(), g)))::int AS months_ago
                              FROM generate_series((now() AT TIME ZONE 'Asia/Shanghai')::date - 430,
                                                   (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, interval '1 day') g) days
        CROSS JOIN generate_series(0, 4) k
       WHERE a.username LIKE 'streamer.%' AND array_length(p.ids, 1) > 0
         AND k < 2 + (a.id + extract(doy FROM d)::int) % 4
      ON CONFLICT (order_id) DO NOTHING
      """,
      // one order in 40 is refunded two days later
      """
      INSERT INTO sales_orders (order_id, refund_of, kind, streamer_account_id, product_id, quantity, amount_fen, ordered_at, business_day)
      SELECT 'refund-' || o.order_id, o.order_id, 'refund', o.streamer_account_id, o.product_id, -o.quantity, -o.amount_fen,
             o.ordered_at + interval '2 days', current_date
        FROM sales_orders o
       WHERE o.order_id LIKE 'demo-%' AND abs(hashtext(o.order_id)) % 40 = 0 AND o.ordered_at + interval '2 days' < now()
      ON CONFLICT (order_id) DO NOTHING
      """,
      """
      INSERT INTO sales_targets (scope, scope_id, month, gmv_fen, set_by)
      SELECT 'streamer', s.id, m::date, 1500000 + (s.id % 4) * 300000, (SELECT min(id) FROM accounts WHERE role = 'manager')
        FROM streamers s JOIN accounts a ON a.id = s.account_id AND a.username LIKE 'streamer.%'
       CROSS JOIN generate_series(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '5 months',
                                  date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai'), interval '1 month') m
      ON CONFLICT ON CONSTRAINT sales_targets_key DO NOTHING
      """,
      """
      INSERT INTO sales_targets (scope, scope_id, month, gmv_fen, growth_bp, growth_basis, set_by)
      SELECT 'team', t.id, date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, NULL, 1000, 'previous_month',
             (SELECT min(id) FROM accounts WHERE role = 'manager')
        FROM teams t
      ON CONFLICT ON CONSTRAINT sales_targets_key DO NOTHING
      """,
      """
      INSERT INTO sales_targets (scope, scope_id, month, gmv_fen, growth_bp, growth_basis, set_by)
      SELECT 'enterprise', e.id, date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, NULL, 2000, 'same_month_last_year',
             (SELECT min(id) FROM accounts WHERE role = 'manager')
        FROM enterprises e WHERE e.resident
      ON CONFLICT ON CONSTRAINT sales_targets_key DO NOTHING
      """,
      """
      INSERT INTO sales_targets (scope, scope_id, month, gmv_fen, set_by)
      SELECT 'base', NULL, date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, 30000000,
             (SELECT min(id) FROM accounts WHERE role = 'manager')
      ON CONFLICT ON CONSTRAINT sales_targets_key DO NOTHING
      """
  };

  private final Pool pool;

  DemoRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Boolean> loaded(String name) {
    return pool.preparedQuery(LOADED).execute(Tuple.of(name)).map(rows -> rows.size() > 0);
  }

  Future<Void> markLoaded(String name) {
    return pool.preparedQuery(MARK_LOADED).execute(Tuple.of(name)).mapEmpty();
  }

  /** The account's id, or null when there is none. */
  Future<Long> accountId(String username) {
    return pool.preparedQuery(ACCOUNT_ID).execute(Tuple.of(username))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  Future<List<Long>> productIdsOfBrand(long brandId) {
    return pool.preparedQuery(PRODUCTS_OF_BRAND).execute(Tuple.of(brandId)).map(rows -> {
      List<Long> ids = new ArrayList<>();
      for (Row row : rows) ids.add(row.getLong(0));
      return ids;
    });
  }

  /** All demo sales statements in one transaction. */
  Future<Void> seedSales() {
    return pool.withTransaction(tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (String sql : SALES) chain = chain.compose(v -> tx.query(sql).execute().mapEmpty());
      return chain;
    });
  }
}
