-- The ledger listing reads newest first and continues after a (ordered_at, order_id) key: one index serves both.
CREATE INDEX sales_orders_time_idx ON sales_orders (ordered_at DESC, order_id);
