package cn.redlive.web;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.impl.ParameterImpl;
import io.vertx.openapi.validation.transformer.FormTransformer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("Query values transformed without the library's parser")
class PlainPrimitiveTest {

  private static Parameter query(String type) {
    return new ParameterImpl("/x", new JsonObject()
        .put("name", "p").put("in", "query").put("schema", new JsonObject().put("type", type)));
  }

  private static final List<String> VALUES = List.of("20", "0", "-7", "123456789", "1234567890", "007", "-0", "1e3",
      "2.5", "true", "false", "TRUE", "active", "due_soon", "a-b", "2026-11-29", "压测", "x y", "\"q\"", "-");

  @Test
  @DisplayName("a string parameter stays the text sent, even when it reads as JSON (-7, [1], true)")
  void stringsStayText() {
    Parameter string = query("string");
    for (String raw : VALUES) assertEquals(raw, InlineRequestValidator.plainPrimitive(string, raw), raw);
    assertEquals("[1]", InlineRequestValidator.plainPrimitive(string, "[1]"));
  }

  @Test
  @DisplayName("every number or boolean it handles comes out exactly as the library makes it; the rest is left to it")
  void sameAsTheLibrary() {
    FormTransformer library = new FormTransformer();
    for (String type : List.of("integer", "number", "boolean")) {
      Parameter parameter = query(type);
      for (String raw : VALUES) {
        Object plain = InlineRequestValidator.plainPrimitive(parameter, raw);
        if (plain == null) continue;
        Object expected = library.transform(parameter, raw);
        assertEquals(expected, plain, type + " " + raw);
        assertEquals(expected.getClass(), plain.getClass(), type + " " + raw);
      }
    }
  }

  @Test
  @DisplayName("numbers JSON would refuse or read as another type are not taken")
  void leavesOddNumbersAlone() {
    Parameter integer = query("integer");
    for (String raw : List.of("007", "-0", "1e3", "2.5", "1234567890", "", "-", "+1")) {
      assertNull(InlineRequestValidator.plainPrimitive(integer, raw), raw);
    }
  }
}
