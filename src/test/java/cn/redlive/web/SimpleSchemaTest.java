package cn.redlive.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Compiled request-body checks")
class SimpleSchemaTest {

  /** The ingest batch schema of the contract, plus a string enum and a number range. */
  private static final JsonObject BATCH = new JsonObject("""
      {"type": "object", "additionalProperties": false, "required": ["producerId", "sequence", "events"],
       "properties": {
         "producerId": {"type": "string", "minLength": 1, "maxLength": 64, "description": "who sends"},
         "sequence": {"type": "integer", "minimum": 0},
         "mode": {"type": "string", "enum": ["live", "replay"]},
         "ratio": {"type": ["number", "null"], "exclusiveMinimum": 0, "maximum": 1.5},
         "events": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "object"}}}}
      """);

  private final SchemaRepository library = SchemaRepository.create(new JsonSchemaOptions()
      .setDraft(Draft.DRAFT202012).setBaseUri("app://").setOutputFormat(OutputFormat.Basic));

  private static JsonObject batch() {
    return new JsonObject().put("producerId", "p1").put("sequence", 7)
        .put("events", new JsonArray().add(new JsonObject().put("type", "like")));
  }

  private static final List<JsonObject> INVALID = List.of(
      batch().put("producerId", ""),
      batch().put("producerId", "x".repeat(65)),
      batch().put("sequence", -1),
      batch().put("sequence", "7"),
      batch().put("mode", "rewind"),
      batch().put("ratio", 0),
      batch().put("ratio", 1.6),
      batch().put("unexpected", true),
      batch().put("events", new JsonArray()),
      batch().put("events", new JsonArray().add(1)),
      batch().put("events", new JsonArray().add(new JsonObject()).add(new JsonObject()).add(new JsonObject())
          .add(new JsonObject())),
      new JsonObject().put("producerId", "p1").put("sequence", 1));

  @Test
  @DisplayName("accepts what the library accepts and never what it refuses")
  void agreesWithTheLibrary() {
    SimpleSchema simple = SimpleSchema.compile(JsonSchema.of(BATCH)).orElseThrow();
    var validator = library.validator(JsonSchema.of(BATCH));

    List<JsonObject> valid = List.of(batch(), batch().put("mode", "replay").put("ratio", 1.5),
        batch().put("ratio", null), batch().put("producerId", "宁夏红".repeat(21)));
    for (JsonObject value : valid) {
      assertTrue(validator.validate(value).getValid(), "library accepts " + value);
      assertTrue(simple.accepts(value), "compiled check accepts " + value);
    }
    for (JsonObject value : INVALID) {
      assertFalse(validator.validate(value).getValid(), "library refuses " + value);
      assertFalse(simple.accepts(value), "compiled check refuses " + value);
    }
  }

  @Test
  @DisplayName("leaves a whole-valued decimal to the library instead of guessing whether it is an integer")
  void decimalIntegerIsLeftToTheLibrary() {
    SimpleSchema simple = SimpleSchema.compile(JsonSchema.of(BATCH)).orElseThrow();

    assertFalse(simple.accepts(batch().put("sequence", 7.0)));
  }

  @Test
  @DisplayName("does not compile schemas with keywords it does not implement")
  void refusesUnknownKeywords() {
    for (String keyword : List.of("format", "pattern", "$ref", "allOf", "oneOf", "const", "uniqueItems")) {
      JsonObject schema = new JsonObject().put("type", "object").put("properties",
          new JsonObject().put("day", new JsonObject().put("type", "string").put(keyword, "x")));
      assertEquals(false, SimpleSchema.compile(JsonSchema.of(schema)).isPresent(), keyword);
    }
    assertTrue(SimpleSchema.compile(JsonSchema.of(BATCH)).isPresent());
  }
}
