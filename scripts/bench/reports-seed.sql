-- Seed of scripts/bench/reports: run with psql -v orders=<n> -v streamers=<n>. Everything is set-wise SQL.
INSERT INTO accounts (username, display_name, role, password_hash)
SELECT 'bench-streamer-' || g, '压测主播' || g, 'streamer', 'not-a-login' FROM generate_series(1, :streamers) g;
INSERT INTO teams (name) SELECT '压测队' || g FROM generate_series(1, 10) g;
-- The per-row tally trigger (V13) updates one counter row per streamer: 100,000 updates of the same row in one
-- transaction slow down with every version; off during the seed, the tallies are added set-wise below.
ALTER TABLE streamers DISABLE TRIGGER streamers_tally;
INSERT INTO streamers (account_id, real_name, stage_name, birth_date, joined_on, status)
SELECT a.id, a.display_name, a.display_name, date '1995-01-01', date '2023-06-01', 'active'
  FROM accounts a WHERE a.username LIKE 'bench-streamer-%';
-- everyone in a team from the start; a third move to the next team in the middle of June 2025
INSERT INTO team_memberships (streamer_id, team_id, from_at, until_at)
SELECT s.id, t.first + s.id % 10, now() - interval '3 years',
       CASE WHEN s.id % 3 = 0 THEN timestamptz '2025-06-16 00:00+08' END
  FROM streamers s, (SELECT min(id) AS first FROM teams WHERE name LIKE '压测队%') t WHERE s.account_id IS NOT NULL;
INSERT INTO team_memberships (streamer_id, team_id, from_at)
SELECT s.id, t.first + (s.id + 1) % 10, timestamptz '2025-06-16 00:00+08'
  FROM streamers s, (SELECT min(id) AS first FROM teams WHERE name LIKE '压测队%') t
 WHERE s.account_id IS NOT NULL AND s.id % 3 = 0;
UPDATE streamers s SET team_id = m.team_id FROM team_memberships m WHERE m.streamer_id = s.id AND m.until_at IS NULL;
ALTER TABLE streamers ENABLE TRIGGER streamers_tally;
INSERT INTO streamer_tallies AS t (team_id, status, stage, n)
SELECT coalesce(s.team_id, 0), s.status, 'none', count(*)
  FROM streamers s JOIN accounts a ON a.id = s.account_id WHERE a.username LIKE 'bench-streamer-%' GROUP BY 1, 2
ON CONFLICT (team_id, status, stage) DO UPDATE SET n = t.n + excluded.n;
INSERT INTO brands (name, enterprise, origin) SELECT '压测品牌' || g, '压测企业' || (g % 10), '宁夏' FROM generate_series(1, 20) g;
UPDATE enterprises SET resident = true, incubation_start = date '2024-03-01' WHERE name LIKE '压测企业%';
INSERT INTO products (brand_id, sku, name, category, origin, price_fen, commission_bp, status)
SELECT b.id, 'BENCH-' || g, '压测商品' || g, '枸杞', '宁夏', 9900, 1500, 'approved'
  FROM generate_series(1, 100) g JOIN brands b ON b.name = '压测品牌' || (1 + g % 20);
-- Streamer accounts numbered 0..n-1 to join on (an array subscript detoasts the whole array on every row: at
-- 100,000 streamers that is 800 kB per order, and the seed ran for hours)
CREATE TEMP TABLE bench_streamers AS
SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id AS account_id FROM accounts WHERE username LIKE 'bench-streamer-%';
CREATE UNIQUE INDEX ON bench_streamers (n);
ANALYZE bench_streamers;
-- 15,000 ended sessions over the two years, whatever the number of streamers, and one live session that
-- settlement flushes every 2 s while the load runs
INSERT INTO live_sessions (streamer_account_id, title, planned_start, planned_end, status, started_at, ended_at, created_by)
SELECT a, '压测直播', t, t + interval '2 hours', 'ended', t, t + interval '2 hours', a
  FROM (SELECT b.account_id AS a, now() - (g % 700) * interval '1 day' - (g % 24) * interval '1 hour' AS t
          FROM generate_series(1, 15000) g JOIN bench_streamers b ON b.n = (g::bigint * 7919) % :streamers) s;
INSERT INTO live_session_results (session_id, unique_viewers, views, buyers, orders, gmv_fen, conversion_bp, uv_value_fen, final)
SELECT id, 500 + id % 3000, 800 + id % 5000, 20 + id % 90, 25 + id % 100, 200000 + (id * 7919) % 900000, 0, 0, true
  FROM live_sessions WHERE title = '压测直播';
INSERT INTO live_sessions (streamer_account_id, title, planned_start, planned_end, status, started_at, created_by)
SELECT b.account_id, '压测直播中', now() - interval '1 hour', now() + interval '3 hours', 'live', now() - interval '1 hour', b.account_id
  FROM bench_streamers b WHERE b.n = 0;
-- the orders: through the ledger's triggers, as every writer; a 2% tail of refunds follows
CREATE TEMP TABLE bench_products AS
SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id AS product_id FROM products WHERE sku LIKE 'BENCH-%';
-- Bulk load: attribution is computed here set-wise, exactly as the row trigger would (team at the time of sale,
-- brand and enterprise of the product, Asia/Shanghai day), because a million trigger calls take minutes; the
-- statement-level rollup trigger stays on and builds sales_daily / sales_streamer_daily from this one statement.
ALTER TABLE sales_orders DISABLE TRIGGER sales_orders_attribute;
INSERT INTO sales_orders (order_id, streamer_account_id, streamer_id, team_id, product_id, brand_id, enterprise_id,
                          quantity, amount_fen, channel, ordered_at, business_day)
SELECT o.order_id, o.account_id, st.id, m.team_id, o.product_id, pr.brand_id, b.enterprise_id, o.quantity, o.amount_fen,
       o.channel, o.ordered_at, (o.ordered_at AT TIME ZONE 'Asia/Shanghai')::date
  FROM (SELECT 'bench-' || g AS order_id, bs.account_id, bp.product_id,
               1 + g % 3 AS quantity, 1000 + (g * 37) % 20000 AS amount_fen,
               (ARRAY['live', 'live', 'douyin', 'taobao'])[1 + g % 4] AS channel,
               now() - ((g::bigint * 104729) % (730 * 86400)) * interval '1 second' AS ordered_at
          FROM generate_series(1, :orders) g
          JOIN bench_streamers bs ON bs.n = g % :streamers JOIN bench_products bp ON bp.n = (g * 7) % 100) o
  JOIN streamers st ON st.account_id = o.account_id
  JOIN team_memberships m ON m.streamer_id = st.id AND m.from_at <= o.ordered_at AND (m.until_at IS NULL OR m.until_at > o.ordered_at)
  JOIN products pr ON pr.id = o.product_id JOIN brands b ON b.id = pr.brand_id;
ALTER TABLE sales_orders ENABLE TRIGGER sales_orders_attribute;
INSERT INTO sales_orders (order_id, refund_of, kind, streamer_account_id, product_id, quantity, amount_fen, ordered_at, business_day)
SELECT 'bench-refund-' || g, 'bench-' || g, 'refund', 0, 0, 0, -500, now() - ((g::bigint * 104729) % (730 * 86400) - 86400) * interval '1 second' , current_date
  FROM generate_series(1, :orders, 50) g WHERE (g::bigint * 104729) % (730 * 86400) > 86400;
INSERT INTO sales_targets (scope, scope_id, month, gmv_fen, set_by)
SELECT 'streamer', s.id, m, 5000000 + (s.id % 20) * 100000, 1
  FROM streamers s, generate_series(date_trunc('month', now() - interval '2 years'), now(), interval '1 month') m
 WHERE s.account_id IS NOT NULL AND s.id % greatest(1, :streamers / 1000) = 0;
VACUUM ANALYZE;
