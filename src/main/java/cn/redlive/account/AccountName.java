package cn.redlive.account;

/** How an account is named where another feature shows it beside an id: its login name and its display name. */
public record AccountName(String username, String displayName) {
}
