package cn.redlive.web;

import cn.redlive.core.ProblemException;
import cn.redlive.core.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the OpenAPI validator's exceptions into field-by-field problems a client can show next to its inputs. */
final class ContractErrors {

  private static final Pattern PARAMETER = Pattern.compile("parameter (\\S+?)[ .:]");
  private static final Pattern REQUIRED = Pattern.compile("required property ['\"]?([\\w.-]+)['\"]?");

  private ContractErrors() {
  }

  static boolean isWellFormedJson(Buffer body) {
    try {
      Json.decodeValue(body);
      return true;
    } catch (DecodeException e) {
      return false;
    }
  }

  static ProblemException toProblem(Throwable failure) {
    if (failure instanceof ProblemException problem) return problem;
    if (failure instanceof SchemaValidationException schema) {
      List<Problem.FieldError> errors = fieldErrors(schema);
      return ProblemException.validation(errors);
    }
    if (failure instanceof ValidatorException validator) {
      String message = validator.getMessage();
      Matcher m = PARAMETER.matcher(message + " ");
      String field = m.find() ? m.group(1) : "request";
      if (message.toLowerCase().contains("content type") || message.toLowerCase().contains("content-type")) {
        return new ProblemException(new Problem("unsupported-media-type", "Unsupported media type", 415, message, List.of()));
      }
      return ProblemException.invalidField(field, message);
    }
    if (failure instanceof DecodeException) {
      return ProblemException.badRequest("malformed-json", "The request body is not well-formed JSON.");
    }
    return ProblemException.badRequest("bad-request", "The request could not be read.");
  }

  private static List<Problem.FieldError> fieldErrors(SchemaValidationException e) {
    Set<Problem.FieldError> errors = new LinkedHashSet<>();
    OutputUnit root = e.getOutputUnit();
    List<OutputUnit> leaves = new ArrayList<>();
    collectLeaves(root, leaves);
    String prefix = e.getMessage() != null && e.getMessage().contains("parameter") ? parameterName(e.getMessage()) : null;
    for (OutputUnit unit : leaves) {
      if (unit.getError() == null) continue;
      errors.add(new Problem.FieldError(fieldOf(unit, prefix), unit.getError()));
    }
    if (errors.isEmpty()) errors.add(new Problem.FieldError(prefix == null ? "body" : prefix, e.getMessage()));
    return withoutGenericWrappers(List.copyOf(errors));
  }

  /** "does not match schema" only repeats a more precise error for the same field; keep the precise one. */
  private static List<Problem.FieldError> withoutGenericWrappers(List<Problem.FieldError> errors) {
    return errors.stream()
        .filter(e -> !(e.message().contains("does not match") && errors.stream()
            .anyMatch(other -> other.field().equals(e.field()) && !other.message().contains("does not match"))))
        .toList();
  }

  private static void collectLeaves(OutputUnit unit, List<OutputUnit> leaves) {
    if (unit == null) return;
    if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
      leaves.add(unit);
    } else {
      unit.getErrors().forEach(child -> collectLeaves(child, leaves));
    }
  }

  private static String fieldOf(OutputUnit unit, String parameter) {
    Matcher required = REQUIRED.matcher(unit.getError());
    String location = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation()
        .replaceFirst("^#?/?", "").replace('/', '.');
    if (required.find()) return location.isEmpty() ? required.group(1) : location + "." + required.group(1);
    if (!location.isEmpty()) return location;
    return parameter == null ? "body" : parameter;
  }

  private static String parameterName(String message) {
    Matcher m = PARAMETER.matcher(message + " ");
    return m.find() ? m.group(1) : null;
  }
}
