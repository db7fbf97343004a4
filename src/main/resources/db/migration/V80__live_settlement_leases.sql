-- Why: every instance flushed every live session each interval (3 instances rewrote an idle session 15-17 times in 10 s); now one instance per interval does, by a lease.
-- A row per session that settlement still has to visit: live, or ended without final figures. It goes when the
-- final figures are written. due_at is the next time any instance may claim it, on the database's clock (instances
-- need not agree on time); an instance that stops or crashes leaves its leases to run out, and another claims them.
-- No index on due_at: the table holds only sessions being settled and every claim rewrites due_at, so a scan of it
-- costs less than an index updated on each claim, and without one (and with room in each page) claims are HOT updates.
CREATE TABLE live_session_settlement (
  session_id  bigint      PRIMARY KEY REFERENCES live_sessions (id),
  due_at      timestamptz NOT NULL DEFAULT now(),
  -- the instance that claimed it last, and how often it was claimed (each claim is one flush): for operators
  claimed_by  uuid,
  claims      bigint      NOT NULL DEFAULT 0
) WITH (fillfactor = 50);

-- What the sweep of every instance visited before: live sessions, and ended ones whose settlement failed.
INSERT INTO live_session_settlement (session_id)
SELECT s.id FROM live_sessions s LEFT JOIN live_session_results r ON r.session_id = s.id
 WHERE s.status = 'live' OR (s.status = 'ended' AND r.final IS NOT TRUE AND s.ended_at > now() - interval '7 days');
