package cn.redlive.account;

import cn.redlive.core.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password chosen by a person must be: 10 to 128 characters, not the username, not one character repeated,
 * not on the short list of passwords attackers try first ({@code account/common-passwords.txt}).
 * Field messages are English; the web app words them in Chinese (webroot/js/problems.js).
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;
  private static final String COMMON_LIST = "account/common-passwords.txt";
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {
  }

  /** Throws a 400 naming {@code field} when the password breaks a rule. */
  static void require(String field, String password, String username) {
    String broken = brokenRule(password, username);
    if (broken != null) throw ProblemException.invalidField(field, broken);
  }

  private static String brokenRule(String password, String username) {
    if (password.length() < MIN_LENGTH) return "must be at least " + MIN_LENGTH + " characters";
    if (password.length() > MAX_LENGTH) return "must be at most " + MAX_LENGTH + " characters";
    if (password.codePoints().distinct().count() == 1) return "must not be one character repeated";
    if (username != null && password.equalsIgnoreCase(username.trim())) return "must not be your username";
    if (COMMON.contains(password.toLowerCase(Locale.ROOT))) return "is too common, attackers try it first; choose another";
    return null;
  }

  private static Set<String> load() {
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_LIST)) {
      if (in == null) throw new IllegalStateException(COMMON_LIST + " is missing from the classpath");
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
