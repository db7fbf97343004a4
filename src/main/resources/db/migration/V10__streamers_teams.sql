-- The talent pool (主播人才库). A streamer may exist before getting a login, so the account link is optional.
CREATE TABLE streamers (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id           bigint      UNIQUE REFERENCES accounts (id),
  real_name            text        NOT NULL CHECK (length(real_name) BETWEEN 1 AND 40),
  stage_name           text        NOT NULL CHECK (length(stage_name) BETWEEN 1 AND 40),
  contact              text        NOT NULL DEFAULT '',
  previous_occupation  text        NOT NULL DEFAULT '',
  birth_date           date        NOT NULL,
  joined_on            date        NOT NULL,
  status               text        NOT NULL DEFAULT 'pool' CHECK (status IN ('pool', 'active', 'left')),
  -- the current team, kept equal to the open row of team_memberships so lists filter without a join
  team_id              bigint,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX streamers_team_idx ON streamers (team_id, id);
CREATE INDEX streamers_status_idx ON streamers (status, id);

CREATE TABLE teams (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                 text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  captain_streamer_id  bigint      REFERENCES streamers (id),
  created_at           timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE streamers ADD CONSTRAINT streamers_team_fk FOREIGN KEY (team_id) REFERENCES teams (id);

-- Who sold in which team when: [from_at, until_at), so a sale is attributed to the team at the time of sale.
CREATE TABLE team_memberships (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  streamer_id  bigint      NOT NULL REFERENCES streamers (id),
  team_id      bigint      NOT NULL REFERENCES teams (id),
  from_at      timestamptz NOT NULL,
  until_at     timestamptz,
  CHECK (until_at IS NULL OR until_at > from_at)
);

CREATE UNIQUE INDEX team_memberships_open_key ON team_memberships (streamer_id) WHERE until_at IS NULL;
CREATE INDEX team_memberships_streamer_idx ON team_memberships (streamer_id, from_at);
CREATE INDEX team_memberships_team_idx ON team_memberships (team_id, from_at);

-- Red-room screening (层层筛选): every assessment is kept.
CREATE TABLE screenings (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  streamer_id      bigint      NOT NULL REFERENCES streamers (id),
  conduct_score    integer     NOT NULL CHECK (conduct_score BETWEEN 1 AND 5),
  business_score   integer     NOT NULL CHECK (business_score BETWEEN 1 AND 5),
  notes            text        NOT NULL DEFAULT '',
  decision         text        NOT NULL CHECK (decision IN ('admit', 'reject', 'defer')),
  assessor_id      bigint      NOT NULL REFERENCES accounts (id),
  assessed_on      date        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX screenings_streamer_idx ON screenings (streamer_id, assessed_on);
