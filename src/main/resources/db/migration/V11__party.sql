-- Party development (发展党员): the dated steps are the truth; party_records and party_obligations are derived
-- from them on every write so that lists, counts and the due view are single indexed queries.
CREATE TABLE party_steps (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  streamer_id  bigint        NOT NULL REFERENCES streamers (id),
  kind         text          NOT NULL,
  on_date      date          NOT NULL,
  hours        numeric(5, 1),
  months       integer,
  details      jsonb         NOT NULL DEFAULT '{}',
  recorded_by  bigint        REFERENCES accounts (id),
  recorded_at  timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX party_steps_streamer_idx ON party_steps (streamer_id, on_date, id);

CREATE TABLE party_records (
  streamer_id  bigint      PRIMARY KEY REFERENCES streamers (id),
  stage        text        NOT NULL,
  summary      jsonb       NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX party_records_stage_idx ON party_records (stage);

-- What is owed next for each streamer (talk, assessment, approval, probation end) and by when.
CREATE TABLE party_obligations (
  streamer_id  bigint NOT NULL REFERENCES streamers (id),
  kind         text   NOT NULL,
  due_on       date   NOT NULL,
  PRIMARY KEY (streamer_id, kind)
);

CREATE INDEX party_obligations_due_idx ON party_obligations (due_on, streamer_id);

-- Every change to political status: who, when, before and after. Readable by managers (and the streamer).
CREATE TABLE party_audit (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  streamer_id  bigint      NOT NULL REFERENCES streamers (id),
  actor_id     bigint      REFERENCES accounts (id),
  action       text        NOT NULL,
  before       jsonb,
  after        jsonb       NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX party_audit_streamer_idx ON party_audit (streamer_id, id);
