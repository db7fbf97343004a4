-- A ranking's version check summed 100,000 rows per month at 100x; monthly versions in 16 shards make it 32 rows.
-- Writers bump the shard of each account they touch (account % 16), so concurrent writers of one month mostly lock
-- different rows, in the same sorted order as report_figure_versions (no deadlock between them).
CREATE TABLE report_month_versions (
  month    date     NOT NULL CHECK (extract(day FROM month) = 1),
  shard    smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
  version  bigint   NOT NULL DEFAULT 1,
  PRIMARY KEY (month, shard)
);

INSERT INTO report_month_versions (month, shard, version)
SELECT month, (streamer_account_id % 16)::smallint, sum(version) FROM report_figure_versions GROUP BY 1, 2;

CREATE OR REPLACE FUNCTION report_sales_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_figure_versions AS v (month, streamer_account_id)
  SELECT DISTINCT date_trunc('month', business_day)::date, streamer_account_id FROM inserted_entries ORDER BY 1, 2
  ON CONFLICT (month, streamer_account_id) DO UPDATE SET version = v.version + 1;
  INSERT INTO report_month_versions AS v (month, shard)
  SELECT DISTINCT date_trunc('month', business_day)::date, (streamer_account_id % 16)::smallint FROM inserted_entries ORDER BY 1, 2
  ON CONFLICT (month, shard) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION report_bump_figures(planned timestamptz, account bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_figure_versions AS v (month, streamer_account_id)
  VALUES (date_trunc('month', planned AT TIME ZONE 'Asia/Shanghai')::date, account)
  ON CONFLICT (month, streamer_account_id) DO UPDATE SET version = v.version + 1;
  INSERT INTO report_month_versions AS v (month, shard)
  VALUES (date_trunc('month', planned AT TIME ZONE 'Asia/Shanghai')::date, (account % 16)::smallint)
  ON CONFLICT (month, shard) DO UPDATE SET version = v.version + 1;
$$;
