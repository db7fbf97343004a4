package cn.redlive.core;

import io.vertx.core.Future;

/**
 * A verified token is not enough: the account may have been disabled or its password changed since.
 * The account feature implements this check; the web layer calls it on every authenticated request.
 */
@FunctionalInterface
public interface PrincipalCheck {
  Future<Void> stillValid(Principal principal);
}
