-- The monthly rollup (V46) aggregated the inserted ledger rows a second time beside V42's per-day streamer rollup;
-- it is now summed from that same per-day aggregate in V42's trigger, so each insert groups its rows once per level.
DROP TRIGGER sales_rollup_monthly_inserted ON sales_orders;
DROP FUNCTION sales_monthly_inserted();

CREATE OR REPLACE FUNCTION sales_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
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

  -- one grouping of the transition table feeds both the per-day and the per-month streamer rows
  WITH per_day AS MATERIALIZED (
    SELECT business_day, streamer_account_id, max(streamer_id) AS streamer_id, team_id,
           count(*) FILTER (WHERE kind = 'order') AS orders, count(*) FILTER (WHERE kind <> 'order') AS refunds,
           coalesce(sum(amount_fen) FILTER (WHERE kind = 'order'), 0) AS gross_fen,
           coalesce(sum(amount_fen) FILTER (WHERE kind <> 'order'), 0) AS refund_fen
      FROM inserted_entries
     GROUP BY business_day, streamer_account_id, team_id
  ), daily AS (
    INSERT INTO sales_streamer_daily AS d (business_day, streamer_account_id, streamer_id, team_id, orders, refunds,
                                           gross_fen, refund_fen)
    SELECT business_day, streamer_account_id, streamer_id, team_id, orders, refunds, gross_fen, refund_fen
      FROM per_day
     ORDER BY business_day, streamer_account_id, team_id
    ON CONFLICT ON CONSTRAINT sales_streamer_daily_key DO UPDATE SET
      orders = d.orders + EXCLUDED.orders, refunds = d.refunds + EXCLUDED.refunds,
      gross_fen = d.gross_fen + EXCLUDED.gross_fen, refund_fen = d.refund_fen + EXCLUDED.refund_fen
  )
  INSERT INTO sales_streamer_monthly AS m (month, streamer_account_id, streamer_id, team_id, orders, refunds,
                                           gross_fen, refund_fen)
  SELECT date_trunc('month', business_day)::date, streamer_account_id, max(streamer_id), team_id,
         sum(orders), sum(refunds), sum(gross_fen), sum(refund_fen)
    FROM per_day
   GROUP BY 1, streamer_account_id, team_id
   ORDER BY 1, streamer_account_id, team_id
  ON CONFLICT ON CONSTRAINT sales_streamer_monthly_key DO UPDATE SET
    orders = m.orders + EXCLUDED.orders, refunds = m.refunds + EXCLUDED.refunds,
    gross_fen = m.gross_fen + EXCLUDED.gross_fen, refund_fen = m.refund_fen + EXCLUDED.refund_fen;
  RETURN NULL;
END $$;
