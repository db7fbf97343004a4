package cn.redlive.web;

import cn.redlive.core.Principal;
import cn.redlive.core.PrincipalCheck;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;
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
  private final boolean allowedBeforePasswordChange;

  public Authenticate(Tokens tokens, PrincipalCheck principalCheck, Set<Role> roles) {
    this(tokens, principalCheck, roles, false);
  }

  public Authenticate(Tokens tokens, PrincipalCheck principalCheck, Set<Role> roles, boolean allowedBeforePasswordChange) {
    this.tokens = tokens;
    this.principalCheck = principalCheck;
    this.roles = Set.copyOf(roles);
    this.allowedBeforePasswordChange = allowedBeforePasswordChange;
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
    // Both checks usually answer from memory (a token seen before, an account state fetched seconds ago) with an
    // already completed future; those are read in place instead of through a chain of callbacks.
    Future<Principal> verified = tokens.verify(header.substring(7).trim());
    if (verified.succeeded()) checkAccount(rc, verified.result());
    else verified.onSuccess(principal -> checkAccount(rc, principal)).onFailure(rc::fail);
  }

  private void checkAccount(RoutingContext rc, Principal principal) {
    Future<Void> valid = principalCheck.stillValid(principal, allowedBeforePasswordChange);
    if (valid.succeeded()) admit(rc, principal);
    else valid.onSuccess(v -> admit(rc, principal)).onFailure(rc::fail);
  }

  private void admit(RoutingContext rc, Principal principal) {
    if (!roles.contains(principal.role())) {
      rc.fail(ProblemException.forbidden("role-not-allowed",
          "This action is for " + roleList() + "; you are signed in as " + principal.role().code() + "."));
      return;
    }
    CurrentPrincipal.attach(rc, principal);
    rc.next();
  }

  private String roleList() {
    return String.join(", ", roles.stream().map(Role::code).sorted().toList());
  }
}
