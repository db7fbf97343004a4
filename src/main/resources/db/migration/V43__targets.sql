-- Monthly targets: a GMV figure and/or a growth percentage (basis points) over the previous month or the same
-- month of last year, for one streamer (account), team, enterprise, or the whole base (scope_id NULL).
CREATE TABLE sales_targets (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scope         text        NOT NULL CHECK (scope IN ('streamer', 'team', 'enterprise', 'base')),
  scope_id      bigint,
  month         date        NOT NULL CHECK (extract(day FROM month) = 1),
  gmv_fen       bigint      CHECK (gmv_fen >= 0),
  growth_bp     integer     CHECK (growth_bp BETWEEN -10000 AND 1000000),
  growth_basis  text        CHECK (growth_basis IN ('previous_month', 'same_month_last_year')),
  set_by        bigint      NOT NULL REFERENCES accounts (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'base') = (scope_id IS NULL)),
  CHECK (gmv_fen IS NOT NULL OR growth_bp IS NOT NULL),
  CHECK ((growth_bp IS NULL) = (growth_basis IS NULL)),
  CONSTRAINT sales_targets_key UNIQUE NULLS NOT DISTINCT (scope, scope_id, month)
);
CREATE INDEX sales_targets_month_idx ON sales_targets (month, scope);
