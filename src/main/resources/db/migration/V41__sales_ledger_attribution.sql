-- The live sales ledger becomes the ledger of all sales: every entry carries its full attribution, filled in by
-- the database at insert so every writer (live ingestion, CSV import, bulk loads) attributes the same way.
-- Refunds and cancellations are entries of their own with negative quantity and amount, referencing the order.
ALTER TABLE sales_orders
  ADD COLUMN kind           text   NOT NULL DEFAULT 'order' CHECK (kind IN ('order', 'refund', 'cancel')),
  ADD COLUMN refund_of      text   REFERENCES sales_orders (order_id),
  ADD COLUMN streamer_id    bigint REFERENCES streamers (id),
  ADD COLUMN brand_id       bigint,
  ADD COLUMN enterprise_id  bigint,
  ADD COLUMN import_id      bigint;

ALTER TABLE sales_orders DROP CONSTRAINT sales_orders_quantity_check;
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_sign_check CHECK (
  (kind = 'order' AND refund_of IS NULL AND quantity > 0 AND amount_fen >= 0)
  OR (kind <> 'order' AND refund_of IS NOT NULL AND quantity <= 0 AND amount_fen <= 0));

CREATE INDEX sales_orders_refund_of_idx ON sales_orders (refund_of) WHERE refund_of IS NOT NULL;
CREATE INDEX sales_orders_streamer_day_idx ON sales_orders (streamer_account_id, business_day);

-- Team at the time of sale (memberships are [from_at, until_at)), brand and enterprise of the product, the
-- Asia/Shanghai business day; a refund takes everything but its day from the order it refunds.
CREATE FUNCTION sales_orders_attribute() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  original sales_orders%ROWTYPE;
  membership_team bigint;
BEGIN
  NEW.business_day := (NEW.ordered_at AT TIME ZONE 'Asia/Shanghai')::date;
  IF NEW.refund_of IS NOT NULL THEN
    SELECT * INTO original FROM sales_orders WHERE order_id = NEW.refund_of;
    IF NOT FOUND THEN
      RAISE foreign_key_violation USING MESSAGE = 'refunded order ' || NEW.refund_of || ' is not in the ledger';
    END IF;
    NEW.streamer_account_id := original.streamer_account_id;
    NEW.streamer_id := original.streamer_id;
    NEW.team_id := original.team_id;
    NEW.product_id := original.product_id;
    NEW.brand_id := original.brand_id;
    NEW.enterprise_id := original.enterprise_id;
    NEW.session_id := original.session_id;
    NEW.channel := original.channel;
    RETURN NEW;
  END IF;
  SELECT id INTO NEW.streamer_id FROM streamers WHERE account_id = NEW.streamer_account_id;
  IF NEW.streamer_id IS NOT NULL THEN
    SELECT m.team_id INTO membership_team FROM team_memberships m
     WHERE m.streamer_id = NEW.streamer_id AND m.from_at <= NEW.ordered_at
       AND (m.until_at IS NULL OR m.until_at > NEW.ordered_at)
     ORDER BY m.from_at DESC LIMIT 1;
    NEW.team_id := membership_team;
  END IF;
  SELECT p.brand_id, b.enterprise_id INTO NEW.brand_id, NEW.enterprise_id
    FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id = NEW.product_id;
  RETURN NEW;
END $$;

CREATE TRIGGER sales_orders_attribute BEFORE INSERT ON sales_orders
  FOR EACH ROW EXECUTE FUNCTION sales_orders_attribute();

-- Entries already in the ledger get the same attribution (before the ledger turns append-only below).
UPDATE sales_orders o SET streamer_id = s.id FROM streamers s WHERE s.account_id = o.streamer_account_id;
UPDATE sales_orders o SET brand_id = p.brand_id, enterprise_id = b.enterprise_id
  FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id = o.product_id;

-- The ledger is append-only: corrections are new entries. This is also what keeps the rollups exact.
CREATE FUNCTION sales_orders_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the sales ledger is append-only; book a refund or cancellation instead';
END $$;

CREATE TRIGGER sales_orders_append_only BEFORE UPDATE OR DELETE ON sales_orders
  FOR EACH ROW EXECUTE FUNCTION sales_orders_append_only();

-- One row per imported file (by content hash), so importing the same file again is recognised.
CREATE TABLE sales_imports (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_sha256  text        NOT NULL,
  file_name    text        NOT NULL DEFAULT '',
  imported_by  bigint      NOT NULL REFERENCES accounts (id),
  rows_total   integer     NOT NULL DEFAULT 0,
  inserted     integer     NOT NULL DEFAULT 0,
  unchanged    integer     NOT NULL DEFAULT 0,
  failed       integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sales_imports_hash_idx ON sales_imports (file_sha256);
