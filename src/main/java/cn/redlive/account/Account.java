package cn.redlive.account;

import cn.redlive.core.JsonView;
import cn.redlive.core.Role;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;

/** A login of the platform. The password hash never leaves the account package. */
public record Account(
    long id,
    String username,
    String displayName,
    Role role,
    String status,
    boolean mustChangePassword,
    int tokenVersion,
    OffsetDateTime lastLoginAt,
    OffsetDateTime createdAt) implements JsonView {

  public static final String ACTIVE = "active";
  public static final String DISABLED = "disabled";

  static final String COLUMNS =
      "id, username, display_name, role, status, must_change_password, token_version, last_login_at, created_at";

  static Account from(Row row) {
    return new Account(
        row.getLong("id"),
        row.getString("username"),
        row.getString("display_name"),
        Role.fromCode(row.getString("role")).orElseThrow(),
        row.getString("status"),
        row.getBoolean("must_change_password"),
        row.getInteger("token_version"),
        row.getOffsetDateTime("last_login_at"),
        row.getOffsetDateTime("created_at"));
  }

  public boolean active() {
    return ACTIVE.equals(status);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("displayName", displayName)
        .put("role", role.code())
        .put("status", status)
        .put("mustChangePassword", mustChangePassword)
        .put("lastLoginAt", lastLoginAt == null ? null : lastLoginAt.toInstant().toString())
        .put("createdAt", createdAt.toInstant().toString());
  }
}
