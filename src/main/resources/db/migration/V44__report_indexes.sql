-- Rankings read the settled live figures of the sessions in a period, whoever streamed them.
CREATE INDEX live_sessions_planned_start_idx ON live_sessions (planned_start);
-- Rankings over a period read every streamer's days in it: an index-only scan with the figures in the index.
CREATE INDEX sales_streamer_daily_day_idx ON sales_streamer_daily (business_day)
  INCLUDE (streamer_account_id, team_id, orders, refunds, gross_fen, refund_fen);
