package cn.redlive.web;

import cn.redlive.core.Problem;
import cn.redlive.core.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place text from a client is cleaned before any rule or database sees it: every string in a JSON body is
 * trimmed (so a name of " " or "\t" is empty and its minLength refuses it), and control characters (NUL, which
 * PostgreSQL refuses with 22021, U+001C and the rest of C0 and C1 but tab and line breaks, DEL) and lone
 * surrogates are refused with the field's name, in bodies and in path and query values alike.
 * Passwords are checked but never trimmed: their spaces are the owner's.
 */
final class TextRules {

  private TextRules() {
  }

  /** The body with its strings trimmed (changed in place); a 400 problem naming every field with a control character. */
  static Object normalize(Object body) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Object normalized = normalize(body, "", false, errors);
    if (!errors.isEmpty()) throw ProblemException.validation(errors);
    return normalized;
  }

  /** A 400 problem naming the parameter when its value holds a control character. */
  static void checkParameter(String name, String value) {
    if (value != null && firstBadChar(value) >= 0) throw ProblemException.invalidField(name, MESSAGE);
  }

  private static final String MESSAGE = "must not contain control characters";

  private static Object normalize(Object value, String field, boolean secret, List<Problem.FieldError> errors) {
    if (value instanceof String text) {
      if (firstBadChar(text) >= 0) {
        errors.add(new Problem.FieldError(field.isEmpty() ? "body" : field, MESSAGE));
        return text;
      }
      return secret ? text : text.strip();
    }
    if (value instanceof JsonObject object) {
      for (String name : List.copyOf(object.fieldNames())) {
        String path = field.isEmpty() ? name : field + "." + name;
        if (firstBadChar(name) >= 0) errors.add(new Problem.FieldError(path, "the field name " + MESSAGE));
        Object was = object.getValue(name);
        Object now = normalize(was, path, isSecret(name), errors);
        if (now != was) object.put(name, now);
      }
      return object;
    }
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        Object was = array.getValue(i);
        Object now = normalize(was, field + "." + i, secret, errors);
        if (now != was) array.set(i, now);
      }
      return array;
    }
    return value;
  }

  private static boolean isSecret(String name) {
    return name.regionMatches(true, Math.max(0, name.length() - 8), "password", 0, 8);
  }

  /** The index of the first control character or lone surrogate, or -1. */
  static int firstBadChar(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f) return i;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) i++;
        else return i;
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
