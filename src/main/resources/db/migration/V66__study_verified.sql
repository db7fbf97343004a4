-- Study credit counts only what was studied: items carry their content (article text or a video/course address) and
-- an optional short quiz; minutes come from heartbeats while the item is open, timed by the server's clock. Progress
-- recorded before this (self-declared) stays, marked unverified: its class hours no longer count toward training.
ALTER TABLE study_items
  ADD COLUMN content_url text CHECK (length(content_url) <= 500),
  ADD COLUMN body text CHECK (length(body) <= 20000),
  ADD COLUMN quiz jsonb NOT NULL DEFAULT '[]';

ALTER TABLE study_progress ADD COLUMN verified boolean NOT NULL DEFAULT false;

-- One open reading of an item per streamer: seconds are added by heartbeats, never more than the time between two.
CREATE TABLE study_sessions (
  streamer_id      bigint      NOT NULL REFERENCES streamers (id),
  item_id          bigint      NOT NULL REFERENCES study_items (id),
  opened_at        timestamptz NOT NULL,
  last_beat_at     timestamptz NOT NULL,
  seconds          integer     NOT NULL DEFAULT 0 CHECK (seconds >= 0),
  -- seconds already turned into recorded progress minutes
  credited_seconds integer     NOT NULL DEFAULT 0 CHECK (credited_seconds >= 0),
  PRIMARY KEY (streamer_id, item_id)
);
