package cn.redlive.core;

/**
 * The authenticated caller of a request, taken from a verified token. {@code tokenId} names the token itself, so that
 * logging out revokes it alone; tokens issued before tokens had ids carry none.
 */
public record Principal(long accountId, String username, String displayName, Role role, int tokenVersion, String tokenId) {

  public boolean is(Role other) {
    return role == other;
  }
}
