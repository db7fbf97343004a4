-- Catalog uploads run as jobs; a UI polls progress and downloads the error report.
CREATE TABLE catalog_imports (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  brand_id      bigint      NOT NULL REFERENCES brands (id),
  uploaded_by   bigint      NOT NULL REFERENCES accounts (id),
  file_name     text,
  mode          text        NOT NULL CHECK (mode IN ('dry_run', 'commit')),
  status        text        NOT NULL DEFAULT 'queued'
                            CHECK (status IN ('queued', 'validating', 'writing', 'succeeded', 'failed')),
  format        text,
  encoding      text,
  bytes_total   bigint      NOT NULL DEFAULT 0,
  bytes_done    bigint      NOT NULL DEFAULT 0,
  layout        text,
  rows_total    integer,
  rows_done     integer     NOT NULL DEFAULT 0,
  inserted      integer     NOT NULL DEFAULT 0,
  updated       integer     NOT NULL DEFAULT 0,
  unchanged     integer     NOT NULL DEFAULT 0,
  failed        integer     NOT NULL DEFAULT 0,
  error_count   integer     NOT NULL DEFAULT 0,
  failure_code  text,
  failure       text,
  -- the first valid rows as they will be stored, so a dry run shows what the file means
  preview       jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX catalog_imports_brand_idx ON catalog_imports (brand_id, id DESC);

-- Per-row problems of an import (row as a spreadsheet shows it: the header is row 1).
CREATE TABLE catalog_import_errors (
  import_id  bigint  NOT NULL REFERENCES catalog_imports (id) ON DELETE CASCADE,
  seq        integer NOT NULL,
  row_number integer NOT NULL,
  column_name text   NOT NULL,
  value      text,
  message    text    NOT NULL,
  PRIMARY KEY (import_id, seq)
);
