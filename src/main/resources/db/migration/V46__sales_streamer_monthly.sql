-- Monthly rollup beside the daily ones: a ranking over whole months sums one row per streamer, team and month
-- instead of one per day (the days at the edges of a period that does not start or end on a month boundary still
-- come from sales_streamer_daily). Kept like the daily rollups, in the ledger insert's own transaction; the
-- trigger name sorts after sales_rollup_inserted and before sales_versions_inserted, so locks are taken in one order.
CREATE TABLE sales_streamer_monthly (
  month                date   NOT NULL CHECK (extract(day FROM month) = 1),
  streamer_account_id  bigint NOT NULL,
  streamer_id          bigint,
  team_id              bigint,
  orders               bigint NOT NULL DEFAULT 0,
  refunds              bigint NOT NULL DEFAULT 0,
  gross_fen            bigint NOT NULL DEFAULT 0,
  refund_fen           bigint NOT NULL DEFAULT 0,
  CONSTRAINT sales_streamer_monthly_key UNIQUE NULLS NOT DISTINCT (month, streamer_account_id, team_id)
);
-- rankings read every streamer's rows of a few months: an index-only scan with the figures in the index
CREATE INDEX sales_streamer_monthly_month_idx ON sales_streamer_monthly (month)
  INCLUDE (streamer_account_id, team_id, orders, refunds, gross_fen, refund_fen);

CREATE FUNCTION sales_monthly_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_streamer_monthly AS m (month, streamer_account_id, streamer_id, team_id, orders, refunds,
                                           gross_fen, refund_fen)
  SELECT date_trunc('month', business_day)::date, streamer_account_id, max(streamer_id), team_id,
         count(*) FILTER (WHERE kind = 'order'), count(*) FILTER (WHERE kind <> 'order'),
         coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0),
         coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0)
    FROM inserted_entries
   GROUP BY 1, streamer_account_id, team_id
   ORDER BY 1, streamer_account_id, team_id
  ON CONFLICT ON CONSTRAINT sales_streamer_monthly_key DO UPDATE SET
    orders = m.orders + EXCLUDED.orders, refunds = m.refunds + EXCLUDED.refunds,
    gross_fen = m.gross_fen + EXCLUDED.gross_fen, refund_fen = m.refund_fen + EXCLUDED.refund_fen;
  RETURN NULL;
END $$;

CREATE TRIGGER sales_rollup_monthly_inserted AFTER INSERT ON sales_orders
  REFERENCING NEW TABLE AS inserted_entries FOR EACH STATEMENT EXECUTE FUNCTION sales_monthly_inserted();

INSERT INTO sales_streamer_monthly (month, streamer_account_id, streamer_id, team_id, orders, refunds, gross_fen, refund_fen)
SELECT date_trunc('month', business_day)::date, streamer_account_id, max(streamer_id), team_id,
       sum(orders), sum(refunds), sum(gross_fen), sum(refund_fen)
  FROM sales_streamer_daily GROUP BY 1, streamer_account_id, team_id;
