package cn.redlive.account;

import cn.redlive.core.Paging;
import cn.redlive.platform.LikePattern;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import cn.redlive.platform.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All SQL of the account feature. */
public final class AccountRepository {

  /** What login needs beyond the public account: the hash. */
  record Credentials(Account account, String passwordHash) {
  }

  record Filter(String role, String status, String query) {
  }

  private static final String FIND_CREDENTIALS = """
      SELECT %s, password_hash
        FROM accounts
       WHERE lower(username) = lower($1)
      """.formatted(Account.COLUMNS);

  private static final String FIND_BY_ID = """
      SELECT %s FROM accounts WHERE id = $1
      """.formatted(Account.COLUMNS);

  private static final String DISPLAY_NAMES = """
      SELECT id, username, display_name FROM accounts WHERE id = ANY($1::bigint[])
      """;

  private static final String STREAMER_IDS = """
      SELECT lower(username) AS username, id FROM accounts WHERE role = 'streamer' AND lower(username) = ANY($1::text[])
      """;

  private static final String TOKEN_STATE = """
      SELECT status, token_version, must_change_password FROM accounts WHERE id = $1
      """;

  private static final String INSERT = """
      INSERT INTO accounts (username, display_name, role, password_hash, must_change_password)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT DO NOTHING
      RETURNING %s
      """.formatted(Account.COLUMNS);

  /**
   * Counts an attempt unless the name must wait: the row lock makes concurrent attempts take turns, and each sees the
   * count the previous one left. Answers 0 when counted, else the seconds still to wait.
   */
  private static final String RESERVE_LOGIN_ATTEMPT = """
      WITH counted AS (
        INSERT INTO login_attempts AS a (username_key, attempts, last_attempt_at)
        VALUES (lower($1), 1, now())
        ON CONFLICT (username_key) DO UPDATE
           SET attempts = a.attempts + 1, last_attempt_at = now()
         WHERE a.attempts < $2
            OR a.last_attempt_at + make_interval(secs => least(power(2, least(a.attempts - $2, 20)), 900)) <= now()
        RETURNING 0::bigint AS wait_seconds
      )
      SELECT wait_seconds FROM counted
      UNION ALL
      SELECT greatest(1, ceil(extract(epoch FROM a.last_attempt_at
                 + make_interval(secs => least(power(2, least(a.attempts - $2, 20)), 900)) - now())))::bigint
        FROM login_attempts a
       WHERE a.username_key = lower($1) AND NOT EXISTS (SELECT 1 FROM counted)
      """;

  /** The back-off counts from the end of a failed check, not from its start. */
  private static final String RECORD_FAILED_ATTEMPT = """
      UPDATE login_attempts SET last_attempt_at = now() WHERE username_key = lower($1)
      """;

  private static final String FORGET_LOGIN_ATTEMPTS = """
      DELETE FROM login_attempts WHERE username_key = lower($1)
      """;

  private static final String PRUNE_LOGIN_ATTEMPTS = """
      DELETE FROM login_attempts WHERE last_attempt_at < now() - interval '1 day'
      """;

  private static final String REVOKE_TOKEN = """
      INSERT INTO revoked_tokens (token_id, account_id, expires_at) VALUES ($1, $2, to_timestamp($3))
      ON CONFLICT (token_id) DO NOTHING
      """;

  private static final String REVOKED_TOKENS_SINCE = """
      SELECT token_id, extract(epoch FROM expires_at)::bigint AS expires_at
        FROM revoked_tokens
       WHERE revoked_at >= to_timestamp($1) AND expires_at > now()
      """;

  private static final String PRUNE_REVOKED_TOKENS = """
      DELETE FROM revoked_tokens WHERE expires_at < now()
      """;

  /** For a token without an id (issued before tokens had ids): logging it out revokes all of the account's tokens. */
  private static final String REVOKE_ALL_TOKENS = """
      UPDATE accounts SET token_version = token_version + 1 WHERE id = $1
      """;

  private static final String RECORD_SUCCESS = """
      UPDATE accounts SET last_login_at = now() WHERE id = $1
      """;

  /**
   * Only disabling an active account revokes its tokens: enabling one that is already active must not log it out,
   * and enabling a disabled one needs no revocation (disabling did it).
   */
  private static final String SET_STATUS = """
      WITH before AS (SELECT status AS previous_status FROM accounts WHERE id = $1 FOR UPDATE)
      UPDATE accounts
         SET status = $2,
             token_version = token_version + CASE WHEN $2 = 'disabled' AND previous_status <> 'disabled' THEN 1 ELSE 0 END,
             updated_at = CASE WHEN previous_status <> $2 THEN now() ELSE updated_at END
        FROM before
       WHERE id = $1
      RETURNING %s, previous_status
      """.formatted(Account.COLUMNS);

  private static final String SET_PASSWORD = """
      UPDATE accounts
         SET password_hash = $2, must_change_password = $3, token_version = token_version + 1,
             updated_at = now()
       WHERE id = $1
      RETURNING %s
      """.formatted(Account.COLUMNS);

  private static final String LIST = """
      SELECT %s, count(*) OVER () AS total
        FROM accounts
       WHERE ($1::text IS NULL OR role = $1)
         AND ($2::text IS NULL OR status = $2)
         AND ($3::text IS NULL OR username ILIKE $3 OR display_name ILIKE $3)
       ORDER BY id
       LIMIT $4 OFFSET $5
      """.formatted(Account.COLUMNS);

  private static final String COUNT_BY_ROLE_AND_STATUS = """
      SELECT role, status, count(*) AS total FROM accounts GROUP BY role, status ORDER BY role, status
      """;

  private static final String COUNT_MANAGERS = """
      SELECT count(*) AS n FROM accounts WHERE role = 'manager'
      """;

  private static final String AUDIT = """
      INSERT INTO account_events (account_id, actor_id, action) VALUES ($1, $2, $3)
      """;

  private final Pool pool;

  public AccountRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Optional<Credentials>> findCredentials(String username) {
    return pool.preparedQuery(FIND_CREDENTIALS).execute(Tuple.of(username))
        .map(rows -> Rows.first(rows).map(row -> new Credentials(Account.from(row), row.getString("password_hash"))));
  }

  public Future<Optional<Account>> findById(long id) {
    return pool.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(Account::from));
  }

  /** Username and display name of the accounts that exist among {@code ids}, by id. */
  Future<java.util.Map<Long, AccountName>> names(java.util.Collection<Long> ids) {
    return pool.preparedQuery(DISPLAY_NAMES).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))).map(rows -> {
      java.util.Map<Long, AccountName> names = new java.util.HashMap<>();
      rows.forEach(row -> names.put(row.getLong("id"), new AccountName(row.getString("username"), row.getString("display_name"))));
      return names;
    });
  }

  /** Ids of the streamer accounts among these lower-case usernames, by lower-case username. */
  Future<java.util.Map<String, Long>> streamerIds(java.util.Collection<String> usernames) {
    return pool.preparedQuery(STREAMER_IDS).execute(Tuple.of(usernames.toArray(String[]::new))).map(rows -> {
      java.util.Map<String, Long> ids = new java.util.HashMap<>();
      rows.forEach(r -> ids.put(r.getString("username"), r.getLong("id")));
      return ids;
    });
  }

  /** Status and token version, the two facts that can revoke an issued token, and whether it may do more than change its password. */
  Future<Optional<Row>> tokenState(long id) {
    return pool.preparedQuery(TOKEN_STATE).execute(Tuple.of(id)).map(Rows::first);
  }

  /** Empty when the username is taken. */
  Future<Optional<Account>> insert(SqlClient client, NewAccount account, String passwordHash, boolean mustChangePassword) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(account.username(), account.displayName(), account.role().code(), passwordHash, mustChangePassword))
        .map(rows -> Rows.first(rows).map(Account::from));
  }

  /** 0 when the attempt was counted and may be checked, else the seconds the name must still wait. */
  Future<Long> reserveLoginAttempt(String username, int freeAttempts) {
    return pool.preparedQuery(RESERVE_LOGIN_ATTEMPT).execute(Tuple.of(username, freeAttempts))
        // no row: the attempt row vanished between the two reads (pruned or forgotten); let the next try count
        .map(rows -> Rows.first(rows).map(row -> row.getLong("wait_seconds")).orElse(1L));
  }

  Future<Void> recordFailedAttempt(String username) {
    return pool.preparedQuery(RECORD_FAILED_ATTEMPT).execute(Tuple.of(username)).mapEmpty();
  }

  Future<Void> forgetLoginAttempts(String username) {
    return pool.preparedQuery(FORGET_LOGIN_ATTEMPTS).execute(Tuple.of(username)).mapEmpty();
  }

  Future<Void> pruneLoginAttempts() {
    return pool.preparedQuery(PRUNE_LOGIN_ATTEMPTS).execute().mapEmpty();
  }

  Future<Void> revokeToken(String tokenId, long accountId, long expiresAtEpochSecond) {
    return pool.preparedQuery(REVOKE_TOKEN).execute(Tuple.of(tokenId, accountId, expiresAtEpochSecond)).mapEmpty();
  }

  /** Token id -> expiry (epoch second) of unexpired revocations made since {@code sinceEpochSecond}. */
  Future<java.util.Map<String, Long>> revokedTokensSince(long sinceEpochSecond) {
    return pool.preparedQuery(REVOKED_TOKENS_SINCE).execute(Tuple.of(sinceEpochSecond)).map(rows -> {
      java.util.Map<String, Long> found = new java.util.HashMap<>();
      rows.forEach(row -> found.put(row.getString("token_id"), row.getLong("expires_at")));
      return found;
    });
  }

  Future<Void> pruneRevokedTokens() {
    return pool.preparedQuery(PRUNE_REVOKED_TOKENS).execute().mapEmpty();
  }

  Future<Void> revokeAllTokens(long accountId) {
    return pool.preparedQuery(REVOKE_ALL_TOKENS).execute(Tuple.of(accountId)).mapEmpty();
  }

  Future<Void> recordSuccessfulLogin(long id) {
    return pool.preparedQuery(RECORD_SUCCESS).execute(Tuple.of(id)).mapEmpty();
  }

  /** The account after the change, and whether its status was a different one before. */
  record StatusChange(Account account, boolean changed) {
  }

  Future<Optional<StatusChange>> setStatus(long id, String status) {
    return pool.preparedQuery(SET_STATUS).execute(Tuple.of(id, status)).map(rows -> Rows.first(rows)
        .map(row -> new StatusChange(Account.from(row), !status.equals(row.getString("previous_status")))));
  }

  Future<Optional<Account>> setPassword(long id, String passwordHash, boolean mustChange) {
    return pool.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, passwordHash, mustChange))
        .map(rows -> Rows.first(rows).map(Account::from));
  }

  /** How many accounts each role has, active and disabled: one row per pair that has any. */
  Future<JsonArray> countByRoleAndStatus() {
    return pool.preparedQuery(COUNT_BY_ROLE_AND_STATUS).execute().map(rows -> {
      JsonArray counts = new JsonArray();
      rows.forEach(row -> counts.add(new JsonObject().put("role", row.getString("role"))
          .put("status", row.getString("status")).put("total", row.getLong("total"))));
      return counts;
    });
  }

  Future<Long> countManagers() {
    return pool.preparedQuery(COUNT_MANAGERS).execute().map(rows -> rows.iterator().next().getLong("n"));
  }

  Future<Void> audit(long accountId, Long actorId, String action) {
    return pool.preparedQuery(AUDIT).execute(Tuple.of(accountId, actorId, action)).mapEmpty();
  }

  record PageOf(List<Account> items, long total) {
  }

  Future<PageOf> list(Filter filter, Paging paging) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(filter.role(), filter.status(), LikePattern.containing(filter.query()), paging.size(), paging.offset()))
        .map(rows -> {
          List<Account> items = new ArrayList<>();
          long total = 0;
          for (Row row : rows) {
            items.add(Account.from(row));
            total = row.getLong("total");
          }
          return new PageOf(items, total);
        });
  }

}
