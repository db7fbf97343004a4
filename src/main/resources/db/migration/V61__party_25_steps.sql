-- All 25 steps of the 细则: training may be recorded in days, and the old "full_membership" step, which merged the
-- application for full membership, the branch meeting's vote and the higher committee's approval, becomes those
-- three steps on its date (who recorded it and when kept; the vote's figures are unknown and the record says so).
ALTER TABLE party_steps ADD COLUMN days integer CHECK (days BETWEEN 1 AND 60);

INSERT INTO party_steps (streamer_id, kind, on_date, details, recorded_by, recorded_at)
SELECT ps.streamer_id, split.kind, ps.on_date, ps.details || '{"migratedFrom": "full_membership"}'::jsonb, ps.recorded_by,
       ps.recorded_at
  FROM party_steps ps
 CROSS JOIN (VALUES (1, 'conversion_application'), (2, 'conversion_meeting'), (3, 'conversion_approval')) AS split (n, kind)
 WHERE ps.kind = 'full_membership'
 ORDER BY ps.id, split.n;

DELETE FROM party_steps WHERE kind = 'full_membership';

-- The change is audited like every other: the record's summary before and after, by no account.
INSERT INTO party_audit (streamer_id, actor_id, action, before, after)
SELECT streamer_id, NULL, 'migration:full_membership-split', summary,
       jsonb_set(summary, '{latestStepDates}',
                 ((summary -> 'latestStepDates') - 'full_membership')
                   || jsonb_build_object('conversion_application', summary -> 'latestStepDates' -> 'full_membership',
                                         'conversion_meeting', summary -> 'latestStepDates' -> 'full_membership',
                                         'conversion_approval', summary -> 'latestStepDates' -> 'full_membership'))
  FROM party_records
 WHERE (summary -> 'latestStepDates') ? 'full_membership';

UPDATE party_records p SET summary = a.after, updated_at = now()
  FROM party_audit a
 WHERE a.streamer_id = p.streamer_id AND a.action = 'migration:full_membership-split';
