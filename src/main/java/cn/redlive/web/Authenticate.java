package cn.redlive.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Bearer-token authentication plus the role check, as a route handler. The contract routes use it through
 * {@link ApiRouter}; routes mounted outside the contract's body handling (streamed uploads) mount it themselves.
 */
public final class Authenticate implements Handler<RoutingContext> {

  private final Tokens tokens;
  private final PrincipalCheck principalCheck;
  private final Set<Role> roles;

  public Authenticate(Tokens tokens, PrincipalCheck principalCheck, Set<Role> roles) {
    this.tokens = tokens;
    this.principalCheck = principalCheck;
    this.roles = Set.copyOf(roles);
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      rc.fail(ProblemException.unauthorized("missing-token", "Send an access token: Authorization: Bearer <token>."));
      return;
    }
    // a streamed body must wait until we know who sends it
    boolean paused = !rc.request().isEnded();
    if (paused) rc.request().pause();
    tokens.verify(header.substring(7).trim())
        .compose(principal -> principalCheck.stillValid(principal).map(principal))
        .onSuccess(principal -> {
          if (!roles.contains(principal.role())) {
            rc.fail(ProblemException.forbidden("role-not-allowed",
                "This action is for " + roleList() + "; you are signed in as " + principal.role().code() + "."));
            return;
          }
          principal.attachTo(rc);
          rc.next();
        })
        .onFailure(rc::fail);
  }

  private String roleList() {
    return String.join(", ", roles.stream().map(Role::code).sorted().toList());
  }
}
