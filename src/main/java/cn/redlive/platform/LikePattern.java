package cn.redlive.platform;

/**
 * A LIKE/ILIKE pattern that finds the caller's text as it was typed. Unescaped, a search for "_" or "%" matched
 * every row; with the wildcards and the escape character (PostgreSQL's default, a backslash) escaped they are
 * plain characters.
 */
public final class LikePattern {

  private LikePattern() {
  }

  /** {@code %text%} with the text's wildcards escaped, or null for null. */
  public static String containing(String text) {
    if (text == null) return null;
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
