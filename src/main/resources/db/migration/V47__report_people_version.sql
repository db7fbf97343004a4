-- The manager's streamer page also shows the people features' view of the streamer (profile, team, latest
-- screening, Party steps, study progress: FeatureLinks.peoplePanel). The server caches the whole page, so every
-- table that view reads bumps a topic of its own (V45), in the writing statement's transaction.
-- One row for all streamers: these are people's edits at human rates, so writers seldom wait on it.
INSERT INTO report_versions (topic) VALUES ('people');

CREATE TRIGGER streamers_people_version AFTER INSERT OR UPDATE OR DELETE
  ON streamers FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('people');
CREATE TRIGGER teams_people_version AFTER INSERT OR UPDATE OR DELETE
  ON teams FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('people');
CREATE TRIGGER screenings_people_version AFTER INSERT OR UPDATE OR DELETE
  ON screenings FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('people');
CREATE TRIGGER party_steps_people_version AFTER INSERT OR UPDATE OR DELETE
  ON party_steps FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('people');
CREATE TRIGGER study_items_people_version AFTER INSERT OR UPDATE OR DELETE
  ON study_items FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('people');
CREATE TRIGGER study_progress_people_version AFTER INSERT OR UPDATE OR DELETE
  ON study_progress FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('people');
