-- Streamers per (current team, status, Party stage), kept by triggers in the same transaction as every change.
-- List totals and the Party counts add up a few hundred of these rows instead of counting every streamer on every
-- request (10,000 streamers made the counts most of a list request's time). team_id 0 stands for "no team".
CREATE TABLE streamer_tallies (
  team_id  bigint  NOT NULL,
  status   text    NOT NULL,
  stage    text    NOT NULL,
  n        integer NOT NULL,
  PRIMARY KEY (team_id, status, stage)
);

INSERT INTO streamer_tallies (team_id, status, stage, n)
SELECT coalesce(s.team_id, 0), s.status, coalesce(p.stage, 'none'), count(*)
  FROM streamers s LEFT JOIN party_records p ON p.streamer_id = s.id
 GROUP BY 1, 2, 3;

CREATE FUNCTION tally_streamer(p_team bigint, p_status text, p_stage text, p_delta integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO streamer_tallies AS t (team_id, status, stage, n)
  VALUES (coalesce(p_team, 0), p_status, coalesce(p_stage, 'none'), p_delta)
  ON CONFLICT (team_id, status, stage) DO UPDATE SET n = t.n + excluded.n
$$;

-- A streamer's team or status changes: move them between buckets under their current stage. The Party side locks
-- the streamer row before it changes a stage (below), so each trigger reads the other's committed result.
CREATE FUNCTION streamers_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_stage text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    current_stage := (SELECT p.stage FROM party_records p WHERE p.streamer_id = NEW.id);
    PERFORM tally_streamer(NEW.team_id, NEW.status, current_stage, 1);
  ELSIF TG_OP = 'DELETE' THEN
    current_stage := (SELECT p.stage FROM party_records p WHERE p.streamer_id = OLD.id);
    PERFORM tally_streamer(OLD.team_id, OLD.status, current_stage, -1);
  ELSIF NEW.team_id IS DISTINCT FROM OLD.team_id OR NEW.status <> OLD.status THEN
    current_stage := (SELECT p.stage FROM party_records p WHERE p.streamer_id = NEW.id);
    PERFORM tally_streamer(OLD.team_id, OLD.status, current_stage, -1);
    PERFORM tally_streamer(NEW.team_id, NEW.status, current_stage, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER streamers_tally AFTER INSERT OR DELETE OR UPDATE OF team_id, status ON streamers
  FOR EACH ROW EXECUTE FUNCTION streamers_tally();

-- A Party stage changes: move the streamer between stages under their current team and status. FOR SHARE waits for
-- a concurrent change of that team or status to commit, and then reads it.
CREATE FUNCTION party_records_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.stage = OLD.stage THEN
    RETURN NULL;
  END IF;
  SELECT team_id, status INTO s FROM streamers
   WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.streamer_id ELSE NEW.streamer_id END FOR SHARE;
  PERFORM tally_streamer(s.team_id, s.status, CASE WHEN TG_OP = 'INSERT' THEN 'none' ELSE OLD.stage END, -1);
  PERFORM tally_streamer(s.team_id, s.status, CASE WHEN TG_OP = 'DELETE' THEN 'none' ELSE NEW.stage END, 1);
  RETURN NULL;
END
$$;

CREATE TRIGGER party_records_tally AFTER INSERT OR DELETE OR UPDATE OF stage ON party_records
  FOR EACH ROW EXECUTE FUNCTION party_records_tally();

-- The list filtered by team and status, in id order, reading only the matching streamers.
CREATE INDEX streamers_team_status_idx ON streamers (team_id, status, id);
