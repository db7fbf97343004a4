package cn.redlive.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.jackson.JacksonCodec;

/**
 * JSON through Jackson's streaming parser and generator. With jackson-databind on the class path Vert.x's default
 * codec goes through an ObjectMapper (serializer look-ups, an intermediate String), a tenth of a trivial request's
 * cost; our bodies hold only JSON types, which the streaming codec writes straight into a buffer.
 */
public final class StreamingJson {

  private static final JacksonCodec CODEC = new JacksonCodec();

  private StreamingJson() {
  }

  /** JsonObject, JsonArray, String, Number, Boolean or null, like {@link Json#decodeValue(Buffer)}. */
  public static Object decode(Buffer json) throws DecodeException {
    return CODEC.fromBuffer(json);
  }

  public static Buffer encode(Object value) {
    try {
      return CODEC.toBuffer(value, false);
    } catch (EncodeException e) {
      // a value only databind knows how to write
      return Json.encodeToBuffer(value);
    }
  }
}
