-- Daily rollups of the sales ledger, kept by a statement-level trigger in the same transaction as the ledger
-- insert: a late order or a refund for an old day updates that day's row at once, whichever writer inserted it
-- (live ingestion, CSV import, bulk loads), and one multi-row insert costs one grouped upsert, not one per row.
-- The ledger is append-only (V41), so inserts are the only change the rollups have to follow.
-- Net GMV = gross_fen + refund_fen (refunds are negative).
CREATE TABLE sales_daily (
  business_day         date   NOT NULL,
  streamer_account_id  bigint NOT NULL,
  streamer_id          bigint,
  team_id              bigint,
  product_id           bigint NOT NULL,
  brand_id             bigint,
  enterprise_id        bigint,
  channel              text   NOT NULL,
  orders               bigint NOT NULL DEFAULT 0,
  refunds              bigint NOT NULL DEFAULT 0,
  quantity             bigint NOT NULL DEFAULT 0,
  gross_fen            bigint NOT NULL DEFAULT 0,
  refund_fen           bigint NOT NULL DEFAULT 0,
  CONSTRAINT sales_daily_key UNIQUE NULLS NOT DISTINCT
    (business_day, streamer_account_id, team_id, product_id, enterprise_id, channel)
);
CREATE INDEX sales_daily_brand_idx ON sales_daily (brand_id, business_day);
CREATE INDEX sales_daily_enterprise_idx ON sales_daily (enterprise_id, business_day);
CREATE INDEX sales_daily_streamer_idx ON sales_daily (streamer_account_id, business_day);

-- The coarse rollup rankings and trends read: one row per streamer, team and day.
CREATE TABLE sales_streamer_daily (
  business_day         date   NOT NULL,
  streamer_account_id  bigint NOT NULL,
  streamer_id          bigint,
  team_id              bigint,
  orders               bigint NOT NULL DEFAULT 0,
  refunds              bigint NOT NULL DEFAULT 0,
  gross_fen            bigint NOT NULL DEFAULT 0,
  refund_fen           bigint NOT NULL DEFAULT 0,
  CONSTRAINT sales_streamer_daily_key UNIQUE NULLS NOT DISTINCT (business_day, streamer_account_id, team_id)
);
CREATE INDEX sales_streamer_daily_streamer_idx ON sales_streamer_daily (streamer_account_id, business_day)
  INCLUDE (orders, refunds, gross_fen, refund_fen);
CREATE INDEX sales_streamer_daily_profile_idx ON sales_streamer_daily (streamer_id, business_day);
CREATE INDEX sales_streamer_daily_team_idx ON sales_streamer_daily (team_id, business_day);

CREATE FUNCTION sales_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- ORDER BY gives concurrent writers the same lock order on rollup rows, so they wait rather than deadlock
  INSERT INTO sales_daily AS d (business_day, streamer_account_id, streamer_id, team_id, product_id, brand_id,
                                enterprise_id, channel, orders, refunds, quantity, gross_fen, refund_fen)
  SELECT business_day, streamer_account_id, max(streamer_id), team_id, product_id, max(brand_id), enterprise_id,
         channel, count(*) FILTER (WHERE kind = 'order'), count(*) FILTER (WHERE kind <> 'order'), sum(quantity),
         coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0),
         coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0)
    FROM inserted_entries
   GROUP BY business_day, streamer_account_id, team_id, product_id, enterprise_id, channel
   ORDER BY business_day, streamer_account_id, team_id, product_id, enterprise_id, channel
  ON CONFLICT ON CONSTRAINT sales_daily_key DO UPDATE SET
    orders = d.orders + EXCLUDED.orders, refunds = d.refunds + EXCLUDED.refunds,
    quantity = d.quantity + EXCLUDED.quantity, gross_fen = d.gross_fen + EXCLUDED.gross_fen,
    refund_fen = d.refund_fen + EXCLUDED.refund_fen;

  INSERT INTO sales_streamer_daily AS d (business_day, streamer_account_id, streamer_id, team_id, orders, refunds,
                                         gross_fen, refund_fen)
  SELECT business_day, streamer_account_id, max(streamer_id), team_id,
         count(*) FILTER (WHERE kind = 'order'), count(*) FILTER (WHERE kind <> 'order'),
         coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0),
         coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0)
    FROM inserted_entries
   GROUP BY business_day, streamer_account_id, team_id
   ORDER BY business_day, streamer_account_id, team_id
  ON CONFLICT ON CONSTRAINT sales_streamer_daily_key DO UPDATE SET
    orders = d.orders + EXCLUDED.orders, refunds = d.refunds + EXCLUDED.refunds,
    gross_fen = d.gross_fen + EXCLUDED.gross_fen, refund_fen = d.refund_fen + EXCLUDED.refund_fen;
  RETURN NULL;
END $$;

CREATE TRIGGER sales_rollup_inserted AFTER INSERT ON sales_orders
  REFERENCING NEW TABLE AS inserted_entries FOR EACH STATEMENT EXECUTE FUNCTION sales_rollup_inserted();

-- Rollups of what the ledger already holds.
INSERT INTO sales_daily (business_day, streamer_account_id, streamer_id, team_id, product_id, brand_id,
                         enterprise_id, channel, orders, refunds, quantity, gross_fen, refund_fen)
SELECT business_day, streamer_account_id, max(streamer_id), team_id, product_id, max(brand_id), enterprise_id, channel,
       count(*) FILTER (WHERE kind = 'order'), count(*) FILTER (WHERE kind <> 'order'), sum(quantity),
       coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0), coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0)
  FROM sales_orders GROUP BY business_day, streamer_account_id, team_id, product_id, enterprise_id, channel;
INSERT INTO sales_streamer_daily (business_day, streamer_account_id, streamer_id, team_id, orders, refunds, gross_fen, refund_fen)
SELECT business_day, streamer_account_id, max(streamer_id), team_id,
       count(*) FILTER (WHERE kind = 'order'), count(*) FILTER (WHERE kind <> 'order'),
       coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0), coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0)
  FROM sales_orders GROUP BY business_day, streamer_account_id, team_id;
