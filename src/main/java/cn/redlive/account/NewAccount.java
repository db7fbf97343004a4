package cn.redlive.account;

import cn.redlive.core.Role;

/** What a manager (or start-up, or the demo loader) supplies to create an account. */
public record NewAccount(String username, String displayName, Role role) {
}
