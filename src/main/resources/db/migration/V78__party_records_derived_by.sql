-- A Party record's stage, summary and obligations are derived in Java from its steps (PartyRecord, Obligation) and
-- stored on every write. Records migrated in SQL (V61 split the old merged steps) kept what the old rules derived, so
-- their new obligations (filings, the pre-review, archiving, ...) appeared only at their next write. Each record now
-- says which version of the derivation rules wrote it; at start-up the server derives again every record written by
-- an older version (PartyService.rederiveStale), so a rules change reaches every record without a hand-written
-- migration. 0: derived before versions were kept.
ALTER TABLE party_records ADD COLUMN derived_by integer NOT NULL DEFAULT 0;
