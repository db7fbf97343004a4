-- Catalog imports stage only what the duplicate check needs: each valid row's position, row number and SKU.
-- Products are now written from the parsed rows directly, in the import's one transaction, so the full rows no
-- longer pass through a scratch table (writing and reading them back was most of an import's database time).
-- Scratch data, deleted when the job ends: unlogged (no WAL), since a crash fails the job anyway.
CREATE UNLOGGED TABLE catalog_import_skus (
  import_id   bigint  NOT NULL,
  seq         integer NOT NULL,  -- the data row's position in the file (0-based)
  row_number  integer NOT NULL,  -- as a spreadsheet shows it (the header is row 1), for error messages
  sku         text    NOT NULL,
  PRIMARY KEY (import_id, seq)
);

DROP TABLE catalog_import_rows;
