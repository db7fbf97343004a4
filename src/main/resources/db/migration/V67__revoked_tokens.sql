-- Tokens logged out before they expire (POST /auth/logout), read back by every instance (issue 17).
CREATE TABLE revoked_tokens (
  token_id    text        PRIMARY KEY,
  account_id  bigint      NOT NULL REFERENCES accounts (id),
  -- no later than the token's own expiry: after it, the row can go
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX revoked_tokens_revoked_at_idx ON revoked_tokens (revoked_at);
CREATE INDEX revoked_tokens_expires_at_idx ON revoked_tokens (expires_at);
