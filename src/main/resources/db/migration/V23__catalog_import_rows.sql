-- The valid rows of a running import, between reading the file and writing products: duplicate SKUs within a
-- file are found here (not in the server's heap), and products are upserted from here set-based, chunk by chunk.
-- Scratch data, deleted when the job ends: unlogged (no WAL), since a crash fails the job anyway.
CREATE UNLOGGED TABLE catalog_import_rows (
  import_id       bigint  NOT NULL,
  seq             integer NOT NULL,  -- the data row's position in the file (0-based), for chunks and progress
  row_number      integer NOT NULL,  -- as a spreadsheet shows it (the header is row 1), for error messages
  sku             text    NOT NULL,
  name            text    NOT NULL,
  category        text    NOT NULL,
  origin          text    NOT NULL,
  spec            text,
  weight_grams    integer,
  price_fen       bigint  NOT NULL,
  commission_bp   integer NOT NULL,
  stock           integer NOT NULL,
  image_urls      text[]  NOT NULL,
  description     text,
  certifications  text[]  NOT NULL,
  PRIMARY KEY (import_id, seq)
);
