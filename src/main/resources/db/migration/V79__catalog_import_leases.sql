-- Why: an import whose server died mid-file (kill -9, an out-of-memory kill, a lost machine) stayed 'validating'
-- forever, because only jobs older than an hour were failed at start, and any instance's start failed other,
-- healthy instances' long imports of that age. Now each unfinished job names the instance running it (owner) and
-- when that instance last vouched for it (heartbeat_at, the database's clock, so instances need not agree on time);
-- whichever instance sees a job whose heartbeat is older than the lease fails it, and a live job is never touched.
ALTER TABLE catalog_imports
  ADD COLUMN owner        uuid,
  ADD COLUMN heartbeat_at timestamptz;

-- Jobs unfinished at upgrade time belong to no instance: their lease counts from their creation.
UPDATE catalog_imports SET heartbeat_at = created_at WHERE status IN ('queued', 'validating', 'writing');

-- The sweep every instance runs reads only unfinished jobs.
CREATE INDEX catalog_imports_unfinished_idx ON catalog_imports (heartbeat_at)
  WHERE status IN ('queued', 'validating', 'writing');
