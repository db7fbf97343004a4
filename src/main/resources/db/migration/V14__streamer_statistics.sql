-- Team and status are correlated (a team is often all in the pool or all active). Without these statistics the
-- planner takes them as independent, expects a team's active streamers to turn up early when it walks the primary
-- key for "ORDER BY id LIMIT 20", and reads all 10,000 rows when that team has none; with them it uses
-- streamers_team_status_idx. Filled by ANALYZE (autovacuum, or the bench's VACUUM ANALYZE).
CREATE STATISTICS streamers_team_status_stats (mcv, dependencies) ON team_id, status FROM streamers;
