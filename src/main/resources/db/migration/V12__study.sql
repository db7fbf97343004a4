-- The study corner (学习角).
CREATE TABLE study_items (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title         text         NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  kind          text         NOT NULL CHECK (kind IN ('article', 'video', 'course')),
  minutes       integer      NOT NULL CHECK (minutes BETWEEN 1 AND 6000),
  class_hours   numeric(5, 1) NOT NULL DEFAULT 0 CHECK (class_hours >= 0),
  points        integer      NOT NULL CHECK (points BETWEEN 0 AND 100),
  published_by  bigint       REFERENCES accounts (id),
  published_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE study_progress (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  streamer_id     bigint      NOT NULL REFERENCES streamers (id),
  item_id         bigint      NOT NULL REFERENCES study_items (id),
  minutes         integer     NOT NULL CHECK (minutes >= 0),
  completed       boolean     NOT NULL,
  points_awarded  integer     NOT NULL DEFAULT 0,
  at              timestamptz NOT NULL,
  -- the Asia/Shanghai day of `at`: daily caps and streaks count these days
  day             date        NOT NULL
);

CREATE INDEX study_progress_streamer_idx ON study_progress (streamer_id, day);
CREATE UNIQUE INDEX study_progress_completion_key ON study_progress (streamer_id, item_id) WHERE completed;
