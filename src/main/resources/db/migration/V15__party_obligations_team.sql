-- The due-and-overdue view filtered by team read every obligation in the date range and joined the team's
-- streamers twice (page and total). Each obligation now carries its streamer's current team, kept by triggers,
-- so that both are a range scan of the team's own obligations.
ALTER TABLE party_obligations ADD COLUMN team_id bigint;

UPDATE party_obligations o SET team_id = s.team_id FROM streamers s WHERE s.id = o.streamer_id;

CREATE INDEX party_obligations_team_due_idx ON party_obligations (team_id, due_on, streamer_id);

CREATE FUNCTION party_obligations_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.team_id := (SELECT s.team_id FROM streamers s WHERE s.id = NEW.streamer_id);
  RETURN NEW;
END
$$;

CREATE TRIGGER party_obligations_team BEFORE INSERT ON party_obligations
  FOR EACH ROW EXECUTE FUNCTION party_obligations_team();

CREATE FUNCTION streamers_obligations_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE party_obligations SET team_id = NEW.team_id WHERE streamer_id = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER streamers_obligations_team AFTER UPDATE OF team_id ON streamers
  FOR EACH ROW WHEN (NEW.team_id IS DISTINCT FROM OLD.team_id) EXECUTE FUNCTION streamers_obligations_team();
