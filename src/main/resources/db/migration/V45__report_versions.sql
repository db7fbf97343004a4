-- Versions of everything rankings and streamer pages read, so the server can keep computed reports in memory and
-- still never serve figures older than the last commit. Each version is bumped inside the writing transaction, so
-- a reader that reads the version before it computes a report knows the report holds at least that much; a cached
-- report is served only while the version it was computed under is still the current one.
-- Versions only ever grow, so a sum of versions is a version too: it changes whenever any of its parts does.

-- Sales and live figures per Asia/Shanghai month and streamer account: an order for one streamer leaves other
-- streamers' pages and other months' rankings cached, and a writer locks only the rows of the streamers it sells
-- for, as the rollup upserts already do (no single hot row shared by every writer).
CREATE TABLE report_figure_versions (
  month                date   NOT NULL CHECK (extract(day FROM month) = 1),
  streamer_account_id  bigint NOT NULL,
  version              bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (month, streamer_account_id)
);
CREATE INDEX report_figure_versions_account_idx ON report_figure_versions (streamer_account_id) INCLUDE (version);

-- Rarely written data reports show beside the figures: names, teams and statuses (directory), targets, products.
CREATE TABLE report_versions (
  topic    text   PRIMARY KEY,
  version  bigint NOT NULL DEFAULT 0
);
INSERT INTO report_versions (topic) VALUES ('directory'), ('targets'), ('products');

-- Ledger inserts: after the rollup trigger (triggers fire in name order), in the same sorted lock order as it.
CREATE FUNCTION report_sales_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_figure_versions AS v (month, streamer_account_id)
  SELECT DISTINCT date_trunc('month', business_day)::date, streamer_account_id FROM inserted_entries ORDER BY 1, 2
  ON CONFLICT (month, streamer_account_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER sales_versions_inserted AFTER INSERT ON sales_orders
  REFERENCING NEW TABLE AS inserted_entries FOR EACH STATEMENT EXECUTE FUNCTION report_sales_inserted();

CREATE FUNCTION report_bump_figures(planned timestamptz, account bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_figure_versions AS v (month, streamer_account_id)
  VALUES (date_trunc('month', planned AT TIME ZONE 'Asia/Shanghai')::date, account)
  ON CONFLICT (month, streamer_account_id) DO UPDATE SET version = v.version + 1;
$$;

-- Live sessions and their results (UV, buyers, live GMV): the month the session was planned in.
CREATE FUNCTION report_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM report_bump_figures(OLD.planned_start, OLD.streamer_account_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM report_bump_figures(NEW.planned_start, NEW.streamer_account_id); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER live_sessions_report_version AFTER INSERT OR UPDATE OR DELETE ON live_sessions
  FOR EACH ROW EXECUTE FUNCTION report_session_changed();

CREATE FUNCTION report_session_result_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_bump_figures(s.planned_start, s.streamer_account_id)
     FROM live_sessions s WHERE s.id IN (OLD.session_id, NEW.session_id);
  RETURN NULL;
END $$;

CREATE TRIGGER live_session_results_report_version AFTER INSERT OR UPDATE OR DELETE ON live_session_results
  FOR EACH ROW EXECUTE FUNCTION report_session_result_changed();

-- The rarely written topics: one bump per statement.
CREATE FUNCTION report_topic_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_versions SET version = version + 1 WHERE topic = TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER streamers_report_version AFTER INSERT OR DELETE OR UPDATE OF account_id, stage_name, status, team_id
  ON streamers FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('directory');
-- not on every login: accounts change often, reports only show their display name
CREATE TRIGGER accounts_report_version AFTER INSERT OR DELETE OR UPDATE OF display_name
  ON accounts FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('directory');
CREATE TRIGGER teams_report_version AFTER INSERT OR DELETE OR UPDATE OF name
  ON teams FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('directory');
CREATE TRIGGER sales_targets_report_version AFTER INSERT OR DELETE OR UPDATE
  ON sales_targets FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('targets');
CREATE TRIGGER products_report_version AFTER INSERT OR DELETE OR UPDATE OF name, sku
  ON products FOR EACH STATEMENT EXECUTE FUNCTION report_topic_changed('products');

-- What the ledger and the live sessions already hold.
INSERT INTO report_figure_versions (month, streamer_account_id)
SELECT DISTINCT date_trunc('month', business_day)::date, streamer_account_id FROM sales_streamer_daily
UNION
SELECT date_trunc('month', planned_start AT TIME ZONE 'Asia/Shanghai')::date, streamer_account_id FROM live_sessions;
