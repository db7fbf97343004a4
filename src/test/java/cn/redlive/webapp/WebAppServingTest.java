package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.Reply;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The server serves the web app")
class WebAppServingTest {

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
  @DisplayName("an unknown file answers a problem, and the API keeps its own errors")
  void unknownFiles() {
    assertEquals(404, api.get("/js/no-such-module.js").send().status());
    Reply api404 = api.get("/api/v1/no-such-operation").send();
    assertEquals(404, api404.status());
    assertTrue(api404.contentType().startsWith("application/problem+json"), api404::toString);
  }
}
