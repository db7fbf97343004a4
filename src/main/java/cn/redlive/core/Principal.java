package cn.redlive.core;

/** The authenticated caller of a request, taken from a verified token. */
public record Principal(long accountId, String username, String displayName, Role role, int tokenVersion) {

  public boolean is(Role other) {
    return role == other;
  }
}
