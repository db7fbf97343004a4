-- Accounts of managers, streamers, brand partners and ingest service clients.
CREATE TABLE accounts (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username              text        NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,40}$'),
  display_name          text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
  role                  text        NOT NULL CHECK (role IN ('manager', 'streamer', 'brand_partner', 'ingest')),
  password_hash         text        NOT NULL,
  status                text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  must_change_password  boolean     NOT NULL DEFAULT false,
  -- bumped whenever earlier tokens must stop working (disable, password change or reset)
  token_version         integer     NOT NULL DEFAULT 1,
  failed_logins         integer     NOT NULL DEFAULT 0,
  last_failed_login_at  timestamptz,
  last_login_at         timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));
CREATE INDEX accounts_role_idx ON accounts (role, id);

-- Who did what to an account (created, disabled, enabled, password reset, password changed).
CREATE TABLE account_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id  bigint      NOT NULL REFERENCES accounts (id),
  actor_id    bigint      REFERENCES accounts (id),
  action      text        NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX account_events_account_idx ON account_events (account_id, at);

-- Demo data sets already loaded, so --demo loads each one once.
CREATE TABLE demo_loads (
  name       text PRIMARY KEY,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);
