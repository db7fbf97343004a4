-- Rankings read the settled live figures of the sessions in a period, whoever streamed them.
CREATE INDEX live_sessions_planned_start_idx ON live_sessions (planned_start);
