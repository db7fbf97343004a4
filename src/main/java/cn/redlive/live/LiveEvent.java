package cn.redlive.live;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One event of an ingest batch, validated on its own: a bad event gets its own error and the rest of the
 * batch still counts. {@code index} is the event's position in the batch, echoed in the answer.
 */
record LiveEvent(int index, String eventId, long sessionId, Type type, String viewerId, long count,
                 long productId, int quantity, long amountFen, String orderId, String buyerId, Instant at,
                 String nickname, String text) {

  static final long MAX_ORDER_FEN = 10_000_000_00L; // 1,000,000 yuan: anything above is a client bug
  static final int MAX_QUANTITY = 10_000;
  /** The platform's display name of a buyer or commenter; the feed keeps only its masked form (see LiveFeed). */
  static final int MAX_NICKNAME = 32;
  static final int MAX_COMMENT = 200;
  static final long MAX_LIKES_PER_EVENT = 100_000;
  /** Event time is trusted within this much before the server clock (a client's buffer after a short outage)... */
  static final java.time.Duration LATE_WINDOW = java.time.Duration.ofMinutes(10);
  /** ...and this much after it (clock drift); outside the window an event is rejected, never booked on its own date. */
  static final java.time.Duration EARLY_WINDOW = java.time.Duration.ofMinutes(1);

  enum Type {
    VIEWER_JOIN("viewer_join"), HEARTBEAT("heartbeat"), VIEWER_LEAVE("viewer_leave"), LIKE("like"),
    FOLLOW("follow"), COMMENT("comment"), SHARE("share"), ORDER("order");

    final String code;

    Type(String code) {
      this.code = code;
    }

    static Type of(String code) {
      for (Type t : values()) if (t.code.equals(code)) return t;
      return null;
    }

    boolean needsViewer() {
      return this == VIEWER_JOIN || this == HEARTBEAT || this == VIEWER_LEAVE;
    }
  }

  /** A refused event: which one, why (a stable slug) and a sentence. */
  record Rejection(int index, String eventId, String reason, String message) {
    JsonObject toJson() {
      // an event without an id is named by its index alone: the contract's eventId is a string, never null
      JsonObject json = new JsonObject().put("index", index);
      if (eventId != null) json.put("eventId", eventId);
      return json.put("reason", reason).put("message", message);
    }
  }

  /** Parses and checks one event; throws {@link Invalid} with the problem. */
  static LiveEvent parse(int index, Object raw, Instant now) {
    if (!(raw instanceof JsonObject json)) throw new Invalid(index, null, "invalid-event", "an event must be an object");
    String eventId = text(json, "eventId");
    if (eventId == null || eventId.isBlank() || eventId.length() > 64) {
      throw new Invalid(index, eventId, "invalid-event", "eventId is required (1-64 characters)");
    }
    Type type = Type.of(String.valueOf(json.getValue("type")));
    if (type == null) throw new Invalid(index, eventId, "invalid-event", "unknown type " + json.getValue("type"));
    long sessionId = number(json, "sessionId", index, eventId, 1, Long.MAX_VALUE);
    Instant at = instant(json, index, eventId, now);
    String viewer = null;
    long count = 1;
    long product = 0;
    int quantity = 0;
    long amount = 0;
    String orderId = null;
    String buyer = null;
    if (type.needsViewer()) {
      viewer = required(json, "viewerId", index, eventId);
    } else if (type == Type.LIKE) {
      count = json.containsKey("count") ? number(json, "count", index, eventId, 1, MAX_LIKES_PER_EVENT) : 1;
    } else if (type == Type.ORDER) {
      orderId = required(json, "orderId", index, eventId);
      product = number(json, "productId", index, eventId, 1, Long.MAX_VALUE);
      quantity = (int) number(json, "quantity", index, eventId, 1, MAX_QUANTITY);
      amount = number(json, "amountFen", index, eventId, 1, MAX_ORDER_FEN);
      buyer = json.containsKey("buyerId") ? required(json, "buyerId", index, eventId) : orderId;
    }
    // only orders and comments reach the rolling feed: elsewhere a name or text is ignored, as before
    boolean fed = type == Type.ORDER || type == Type.COMMENT;
    String nickname = fed ? optional(json, "nickname", MAX_NICKNAME, index, eventId) : null;
    String text = type == Type.COMMENT ? optional(json, "text", MAX_COMMENT, index, eventId) : null;
    return new LiveEvent(index, eventId, sessionId, type, viewer, count, product, quantity, amount, orderId, buyer, at,
        nickname, text);
  }

  static final class Invalid extends RuntimeException {
    final Rejection rejection;

    Invalid(int index, String eventId, String reason, String message) {
      super(message, null, false, false);
      this.rejection = new Rejection(index, eventId, reason, message);
    }
  }

  private static String text(JsonObject json, String field) {
    Object value = json.getValue(field);
    return value instanceof String s ? s : null;
  }

  private static String required(JsonObject json, String field, int index, String eventId) {
    String value = text(json, field);
    if (value == null || value.isBlank() || value.length() > 64) {
      throw new Invalid(index, eventId, "invalid-event", field + " is required (1-64 characters)");
    }
    return value;
  }

  /** An optional text field: absent or blank is null; anything but a string, or longer than max, is refused. */
  private static String optional(JsonObject json, String field, int max, int index, String eventId) {
    Object value = json.getValue(field);
    if (value == null) return null;
    if (!(value instanceof String s) || s.strip().codePointCount(0, s.strip().length()) > max) {
      throw new Invalid(index, eventId, "invalid-event", field + " must be text of at most " + max + " characters");
    }
    return s.isBlank() ? null : s.strip();
  }

  private static long number(JsonObject json, String field, int index, String eventId, long min, long max) {
    Object value = json.getValue(field);
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new Invalid(index, eventId, "invalid-event", field + " must be a whole number");
    }
    // a BigInteger past 64 bits would keep only its low bits in longValue(): 2^64+100 fen is not 100 fen
    boolean beyondLong = n instanceof java.math.BigInteger big && big.bitLength() > 63;
    long v = n.longValue();
    if (beyondLong || v < min || v > max) {
      throw new Invalid(index, eventId, field.equals("amountFen") ? "absurd-amount" : "invalid-event",
          field + " must be between " + min + " and " + max);
    }
    return v;
  }

  private static Instant instant(JsonObject json, int index, String eventId, Instant now) {
    String at = text(json, "at");
    if (at == null) return now;
    Instant parsed;
    try {
      parsed = Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new Invalid(index, eventId, "invalid-event", "at must be an ISO-8601 instant");
    }
    if (parsed.isBefore(now.minus(LATE_WINDOW)) || parsed.isAfter(now.plus(EARLY_WINDOW))) {
      throw new Invalid(index, eventId, "event-time-out-of-window", "at must lie within " + LATE_WINDOW.toMinutes()
          + " minutes before and " + EARLY_WINDOW.toSeconds() + " s after the server's clock (" + now + ")");
    }
    return parsed;
  }
}
