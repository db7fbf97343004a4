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

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All SQL of the account feature. */
public final class AccountRepository {

  /** What login needs beyond the public account: the hash and the throttle state. */
  record Credentials(Account account, String passwordHash, int failedLogins, OffsetDateTime lastFailedLoginAt) {
  }

  record Filter(String role, String status, String query) {
  }

  private static final String FIND_CREDENTIALS = """
      SELECT %s, password_hash, failed_logins, last_failed_login_at
        FROM accounts
       WHERE lower(username) = lower($1)
      """.formatted(Account.COLUMNS);

  private static final String FIND_BY_ID = """
      SELECT %s FROM accounts WHERE id = $1
      """.formatted(Account.COLUMNS);

  private static final String TOKEN_STATE = """
      SELECT status, token_version FROM accounts WHERE id = $1
      """;

  private static final String INSERT = """
      INSERT INTO accounts (username, display_name, role, password_hash, must_change_password)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT DO NOTHING
      RETURNING %s
      """.formatted(Account.COLUMNS);

  private static final String RECORD_FAILURE = """
      UPDATE accounts SET failed_logins = failed_logins + 1, last_failed_login_at = now() WHERE id = $1
      """;

  private static final String RECORD_SUCCESS = """
      UPDATE accounts SET failed_logins = 0, last_failed_login_at = NULL, last_login_at = now() WHERE id = $1
      """;

  private static final String SET_STATUS = """
      UPDATE accounts SET status = $2, token_version = token_version + 1, updated_at = now()
       WHERE id = $1
      RETURNING %s
      """.formatted(Account.COLUMNS);

  private static final String SET_PASSWORD = """
      UPDATE accounts
         SET password_hash = $2, must_change_password = $3, token_version = token_version + 1,
             failed_logins = 0, last_failed_login_at = NULL, updated_at = now()
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
        .map(rows -> Rows.first(rows).map(row -> new Credentials(Account.from(row), row.getString("password_hash"),
            row.getInteger("failed_logins"), row.getOffsetDateTime("last_failed_login_at"))));
  }

  public Future<Optional<Account>> findById(long id) {
    return pool.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(Account::from));
  }

  /** Status and token version, the two facts that can revoke an issued token. */
  Future<Optional<Row>> tokenState(long id) {
    return pool.preparedQuery(TOKEN_STATE).execute(Tuple.of(id)).map(Rows::first);
  }

  /** Empty when the username is taken. */
  Future<Optional<Account>> insert(SqlClient client, NewAccount account, String passwordHash, boolean mustChangePassword) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(account.username(), account.displayName(), account.role().code(), passwordHash, mustChangePassword))
        .map(rows -> Rows.first(rows).map(Account::from));
  }

  Future<Void> recordFailedLogin(long id) {
    return pool.preparedQuery(RECORD_FAILURE).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Void> recordSuccessfulLogin(long id) {
    return pool.preparedQuery(RECORD_SUCCESS).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Optional<Account>> setStatus(long id, String status) {
    return pool.preparedQuery(SET_STATUS).execute(Tuple.of(id, status)).map(rows -> Rows.first(rows).map(Account::from));
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
