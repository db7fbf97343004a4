package cn.redlive.core;

import io.vertx.core.Future;

/**
 * A verified token is not enough: the account may have been disabled or its password changed since, or it may still
 * have to replace a temporary password. The account feature implements this check; the web layer calls it on every
 * authenticated request.
 */
@FunctionalInterface
public interface PrincipalCheck {

  /**
   * @param allowedBeforePasswordChange the operation is one an account with a temporary password may call
   *                                    ({@code x-before-password-change} in the contract)
   */
  Future<Void> stillValid(Principal principal, boolean allowedBeforePasswordChange);
}
