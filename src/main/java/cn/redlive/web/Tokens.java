package cn.redlive.web;

import cn.redlive.platform.BaseDays;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Instant;

/** Issues and verifies HS256 access tokens. Verification checks the signature, the algorithm, the issuer and the expiry. */
public final class Tokens {

  public static final String ISSUER = "redlive";

  private final JWTAuth jwt;
  private final int ttlMinutes;

  public record Issued(String token, Instant expiresAt) {
  }

  public Tokens(Vertx vertx, String secret, int ttlMinutes) {
    if (secret.length() < 32) throw new IllegalArgumentException("the JWT secret must be at least 32 characters");
    this.ttlMinutes = ttlMinutes;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER).setLeeway(5)));
  }

  public int ttlMinutes() {
    return ttlMinutes;
  }

  public Issued issue(long accountId, String username, String displayName, Role role, int tokenVersion) {
    JsonObject claims = new JsonObject()
        .put("sub", Long.toString(accountId))
        .put("username", username)
        .put("name", displayName)
        .put("role", role.code())
        .put("tv", tokenVersion)
        .put("jti", java.util.UUID.randomUUID().toString());
    String token = jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm("HS256")
        .setIssuer(ISSUER)
        .setExpiresInMinutes(ttlMinutes));
    return new Issued(token, Instant.now(BaseDays.WALL).plusSeconds(ttlMinutes * 60L));
  }

  /** Fails with a 401 problem for anything but a valid, unexpired token signed with our key. */
  public Future<Principal> verify(String token) {
    Verified known = verified.get(token);
    if (known != null) {
      if (BaseDays.WALL.millis() / 1000 < known.expiresAtEpochSecond()) return known.principal();
      verified.remove(token);
    }
    return verifySignature(token).onSuccess(principal -> remember(token, principal));
  }

  /**
   * Tokens whose signature was checked already, by their exact text: a lookup instead of an HMAC and two JSON
   * parses per request. The expiry is still checked on every use; revocation is the account gate's job.
   */
  private record Verified(Future<Principal> principal, long expiresAtEpochSecond) {
  }

  private static final int MAX_REMEMBERED = 10_000;
  private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

  private void remember(String token, Principal principal) {
    if (verified.size() >= MAX_REMEMBERED) verified.clear();
    long exp = expiryOf(token);
    // a completed future without a context holds no state of its own, so every request can share it
    if (exp > 0) verified.put(token, new Verified(Future.succeededFuture(principal), exp));
  }

  private static long expiryOf(String token) {
    try {
      String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
          java.nio.charset.StandardCharsets.UTF_8);
      return new JsonObject(payload).getLong("exp", 0L);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private Future<Principal> verifySignature(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(ProblemException.unauthorized("invalid-token",
            "The access token is invalid or has expired; log in again.")))
        .compose(user -> {
          // the verified payload; principal() holds only a subset (no exp)
          JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
          try {
            return Future.succeededFuture(principalOf(claims));
          } catch (RuntimeException e) {
            // signed with our key yet unreadable (sub "abc", a numeric role): a token we cannot honour, not a fault
            return Future.failedFuture(ProblemException.unauthorized("invalid-token", "The access token lacks required claims."));
          }
        });
  }

  private static Principal principalOf(JsonObject claims) {
    Role role = Role.fromCode(claims.getString("role", "")).orElseThrow();
    if (claims.getString("sub") == null || !claims.containsKey("exp")) throw new IllegalArgumentException("claims missing");
    return new Principal(Long.parseLong(claims.getString("sub")), claims.getString("username"), claims.getString("name"),
        role, claims.getInteger("tv", 0), claims.getString("jti"));
  }
}
