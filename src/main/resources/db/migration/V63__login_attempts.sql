-- Login attempts counted per username, known or not, and reserved before the password is checked (issue 17).
CREATE TABLE login_attempts (
  -- lower(username) as typed: unknown names are throttled exactly like real ones, so a 429 reveals nothing
  username_key     text        PRIMARY KEY,
  -- attempts since the last successful login, the one being checked right now included
  attempts         integer     NOT NULL,
  last_attempt_at  timestamptz NOT NULL
);

-- pruning forgets names that have been quiet for a day
CREATE INDEX login_attempts_last_attempt_idx ON login_attempts (last_attempt_at);

ALTER TABLE accounts DROP COLUMN failed_logins, DROP COLUMN last_failed_login_at;
