package cn.redlive.account;

import cn.redlive.core.Role;
import io.vertx.core.Future;

/**
 * Makes sure the base has a manager: on the first start, the configured one, or one with a random password that
 * is printed once to the console (never to the log).
 */
public final class FirstManager {

  private FirstManager() {
  }

  public static Future<Void> ensure(AccountService accounts, String username, String configuredPassword) {
    return accounts.anyManager().compose(exists -> {
      if (exists) return Future.succeededFuture();
      boolean generated = configuredPassword.isEmpty();
      String password = generated ? PasswordHasher.randomPassword() : configuredPassword;
      return accounts.createIfAbsent(new NewAccount(username, "基地管理员", Role.MANAGER), password, generated)
          .onSuccess(created -> {
            if (created.isPresent() && generated) {
              System.out.println();
              System.out.println("==================================================================");
              System.out.println(" RedLive first manager account (shown only this once):");
              System.out.println("   username: " + username);
              System.out.println("   password: " + password);
              System.out.println(" Change it after logging in: PUT /api/v1/me/password");
              System.out.println("==================================================================");
              System.out.println();
            }
          })
          .mapEmpty();
    });
  }
}
