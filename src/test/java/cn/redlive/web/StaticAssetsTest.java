package cn.redlive.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Static files are sent gzipped")
class StaticAssetsTest {

  @Test
  @DisplayName("when the browser lists gzip among the encodings it accepts, in any case and with any weight but zero")
  void acceptedEncodings() {
    assertTrue(StaticAssets.acceptsGzip("gzip, deflate, br, zstd"));
    assertTrue(StaticAssets.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    assertFalse(StaticAssets.acceptsGzip(null));
    assertFalse(StaticAssets.acceptsGzip("identity"));
    assertFalse(StaticAssets.acceptsGzip("deflate, br"));
    assertFalse(StaticAssets.acceptsGzip("gzip;q=0, br"));
    assertFalse(StaticAssets.acceptsGzip("gzip; q=0.0"));
  }
}
