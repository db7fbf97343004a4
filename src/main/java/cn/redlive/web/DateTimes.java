package cn.redlive.web;

import cn.redlive.core.ProblemException;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Date-times from a JSON body. A moment without an offset is not a moment (whose 20:00?), so it is refused here with
 * the field, exactly as the contract's pattern on every date-time a client sends refuses it.
 */
public final class DateTimes {

  private DateTimes() {
  }

  public static final String MESSAGE = "must be a date-time with an offset, like 2026-05-01T20:00:00+08:00";

  /** The field's moment; refused when absent or not a date-time with an offset. */
  public static OffsetDateTime required(JsonObject body, String field) {
    OffsetDateTime value = body == null ? null : optional(body, field);
    if (value == null) throw ProblemException.invalidField(field, MESSAGE);
    return value;
  }

  /** The field's moment, or null when absent. */
  public static OffsetDateTime optional(JsonObject body, String field) {
    String raw = body == null ? null : body.getString(field);
    if (raw == null) return null;
    try {
      return OffsetDateTime.parse(raw);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, MESSAGE);
    }
  }

  public static Instant optionalInstant(JsonObject body, String field) {
    OffsetDateTime value = optional(body, field);
    return value == null ? null : value.toInstant();
  }
}
