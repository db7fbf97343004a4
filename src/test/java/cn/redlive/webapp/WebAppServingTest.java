package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The server serves the web app")
class WebAppServingTest {

  // bytes as sent: the shared Api client reads bodies as text
  private static final HttpClient RAW = HttpClient.newHttpClient();

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("the app's page at / is Chinese and is revalidated on every visit")
  void indexPage() {
    Reply index = api.get("/").send();

    assertEquals(200, index.status(), index::toString);
    assertTrue(index.contentType().startsWith("text/html"), index::contentType);
    assertTrue(index.body().contains("<html lang=\"zh-CN\">"));
    assertEquals("no-cache", index.header("Cache-Control"));
    assertTrue(index.header("Last-Modified") != null, "a Last-Modified header lets browsers revalidate with a 304");
  }

  @Test
  @DisplayName("ECharts comes from its webjar under a versioned address that browsers may keep for a year")
  void echartsFromWebjar() {
    Reply echarts = api.get("/vendor/echarts/5.3.1/echarts.common.min.js").send();

    assertEquals(200, echarts.status());
    assertTrue(echarts.contentType().contains("javascript"), echarts::contentType);
    assertTrue(echarts.header("Cache-Control").contains("max-age=31536000"), () -> echarts.header("Cache-Control"));
  }

  @Test
  @DisplayName("a browser that accepts gzip gets the chart library compressed, and it unpacks to the very same file")
  void gzipWhenAccepted() throws Exception {
    HttpResponse<byte[]> plain = fetch("/vendor/echarts/5.3.1/echarts.common.min.js", "identity");
    HttpResponse<byte[]> gzipped = fetch("/vendor/echarts/5.3.1/echarts.common.min.js", "gzip, deflate, br");

    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
    assertTrue(gzipped.body().length < plain.body().length / 2, () -> gzipped.body().length + " bytes gzipped");
    assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes());
    assertTrue(plain.headers().firstValue("Content-Encoding").orElse("identity").equals("identity"));
    assertEquals("accept-encoding", gzipped.headers().firstValue("Vary").orElse("").toLowerCase());
  }

  @Test
  @DisplayName("a module the browser already holds is revalidated with a bodiless 304, by its ETag or its date")
  void revalidation() {
    Reply first = api.get("/js/app.js").send();
    String etag = first.header("ETag");
    assertTrue(etag != null, "an ETag lets browsers revalidate");

    Reply byTag = api.get("/js/app.js").header("If-None-Match", etag).send();
    assertEquals(304, byTag.status());
    assertEquals("", byTag.body());
    assertEquals(304, api.get("/js/app.js").header("If-Modified-Since", first.header("Last-Modified")).send().status());
    assertEquals(200, api.get("/js/app.js").header("If-None-Match", "W/\"changed\"").send().status());
  }

  @Test
  @DisplayName("an unknown file answers a problem, and the API keeps its own errors")
  void unknownFiles() {
    assertEquals(404, api.get("/js/no-such-module.js").send().status());
    assertEquals(404, api.get("/js/").send().status(), "a folder is not listed");
    assertEquals(404, api.get("/js").send().status(), "a folder is not listed");
    Reply api404 = api.get("/api/v1/no-such-operation").send();
    assertEquals(404, api404.status());
    assertTrue(api404.contentType().startsWith("application/problem+json"), api404::toString);
  }

  private HttpResponse<byte[]> fetch(String path, String acceptEncoding) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept-Encoding", acceptEncoding).build();
    return RAW.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
