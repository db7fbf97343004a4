-- A streamer's entries newest first (ledger listing by streamer, latest booked sale before a team move) without a scan.
CREATE INDEX sales_orders_streamer_time_idx ON sales_orders (streamer_id, ordered_at DESC, order_id);
