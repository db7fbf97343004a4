-- The register's "due" filter and its next-due column read each streamer's earliest obligation. Counting the
-- streamers with something due meant sorting every obligation in the window (count(DISTINCT), ~1 ms of a
-- request at 10,000 streamers) and the page walked the obligations beside the streamers. The record now carries
-- that date, kept by triggers on party_obligations, so filter and total read one indexed column.
ALTER TABLE party_records ADD COLUMN next_due_on date;

UPDATE party_records p SET next_due_on = o.due_on
  FROM (SELECT streamer_id, min(due_on) AS due_on FROM party_obligations GROUP BY streamer_id) o
 WHERE o.streamer_id = p.streamer_id;

CREATE INDEX party_records_next_due_idx ON party_records (next_due_on) WHERE next_due_on IS NOT NULL;

-- Once per statement, not per row: replacing a record's obligations (delete, then insert) or loading many at once
-- updates each record once, not once per obligation, and a record whose date stays (a team move rewrites its
-- obligations' team, V15) is not rewritten.
CREATE FUNCTION party_records_next_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE party_records p SET next_due_on = d.due_on
    FROM (SELECT c.streamer_id, (SELECT min(o.due_on) FROM party_obligations o WHERE o.streamer_id = c.streamer_id) AS due_on
            FROM (SELECT DISTINCT streamer_id FROM changed) c) d
   WHERE p.streamer_id = d.streamer_id AND p.next_due_on IS DISTINCT FROM d.due_on;
  RETURN NULL;
END
$$;

CREATE TRIGGER party_obligations_next_due_insert AFTER INSERT ON party_obligations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION party_records_next_due();
CREATE TRIGGER party_obligations_next_due_delete AFTER DELETE ON party_obligations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION party_records_next_due();
-- An update may move an obligation between streamers: both the streamers it left and those it reached.
CREATE TRIGGER party_obligations_next_due_update_from AFTER UPDATE ON party_obligations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION party_records_next_due();
CREATE TRIGGER party_obligations_next_due_update_to AFTER UPDATE ON party_obligations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION party_records_next_due();

-- A record written after its obligations (not the service's order, but any loader's) starts with their date.
CREATE FUNCTION party_records_first_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.next_due_on := (SELECT min(o.due_on) FROM party_obligations o WHERE o.streamer_id = NEW.streamer_id);
  RETURN NEW;
END
$$;

CREATE TRIGGER party_records_first_due BEFORE INSERT ON party_records
  FOR EACH ROW EXECUTE FUNCTION party_records_first_due();
