-- Live sessions (直播场次), the sales ledger fed by live ingestion, and settled session figures.
CREATE TABLE live_sessions (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  streamer_account_id  bigint      NOT NULL REFERENCES accounts (id),
  -- the streamer's team when the session was scheduled; sales are attributed to it
  team_id              bigint,
  title                text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  planned_start        timestamptz NOT NULL,
  planned_end          timestamptz NOT NULL CHECK (planned_end > planned_start),
  status               text        NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'live', 'ended')),
  started_at           timestamptz,
  ended_at             timestamptz,
  created_by           bigint      NOT NULL REFERENCES accounts (id),
  created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX live_sessions_streamer_idx ON live_sessions (streamer_account_id, planned_start DESC);
CREATE INDEX live_sessions_live_idx ON live_sessions (status) WHERE status = 'live';

-- The products a session may sell (from the streamer's selection, approved at scheduling time).
CREATE TABLE live_session_products (
  session_id  bigint NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
  product_id  bigint NOT NULL,
  PRIMARY KEY (session_id, product_id)
);

-- Every order, exactly once by order id. producer_id/batch_sequence remember which ingest batch brought it,
-- so a retry of that batch is recognised and a copy from another producer is not counted twice.
CREATE TABLE sales_orders (
  order_id             text        PRIMARY KEY CHECK (length(order_id) BETWEEN 1 AND 64),
  session_id           bigint      REFERENCES live_sessions (id),
  streamer_account_id  bigint      NOT NULL REFERENCES accounts (id),
  team_id              bigint,
  product_id           bigint      NOT NULL,
  quantity             integer     NOT NULL CHECK (quantity > 0),
  amount_fen           bigint      NOT NULL,
  channel              text        NOT NULL DEFAULT 'live',
  ordered_at           timestamptz NOT NULL,
  business_day         date        NOT NULL,
  buyer_id             text,
  producer_id          text,
  batch_sequence       bigint,
  created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sales_orders_session_idx ON sales_orders (session_id);
CREATE INDEX sales_orders_day_streamer_idx ON sales_orders (business_day, streamer_account_id);

-- Figures of a session, flushed from Redis while live and final once ended.
CREATE TABLE live_session_results (
  session_id               bigint      PRIMARY KEY REFERENCES live_sessions (id),
  peak_viewers             integer     NOT NULL DEFAULT 0,
  unique_viewers           integer     NOT NULL DEFAULT 0,
  likes                    bigint      NOT NULL DEFAULT 0,
  new_fans                 integer     NOT NULL DEFAULT 0,
  comments                 integer     NOT NULL DEFAULT 0,
  shares                   integer     NOT NULL DEFAULT 0,
  orders                   integer     NOT NULL DEFAULT 0,
  buyers                   integer     NOT NULL DEFAULT 0,
  gmv_fen                  bigint      NOT NULL DEFAULT 0,
  watch_seconds            bigint      NOT NULL DEFAULT 0,
  avg_watch_seconds        integer     NOT NULL DEFAULT 0,
  conversion_bp            integer     NOT NULL DEFAULT 0,
  uv_value_fen             bigint      NOT NULL DEFAULT 0,
  final                    boolean     NOT NULL DEFAULT false,
  settled_at               timestamptz NOT NULL DEFAULT now()
);
