package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static cn.redlive.support.LiveKit.batch;
import static cn.redlive.support.LiveKit.like;
import static cn.redlive.support.LiveKit.order;
import static cn.redlive.support.LiveKit.viewer;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The live big screen follows a session second by second")
class LiveBigScreenBrowserTest {

  // the stream ticks every second; a few ticks of slack for a busy 2-core machine
  private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

  private final Api api = TestApp.shared().api();
  private final LiveKit kit = new LiveKit(api);

  @Test
  @DisplayName("a manager watches the big screen of a live session change while events are ingested through the API")
  void managerWatchesBigScreenChange() {
    LiveKit.Live live = kit.liveSession();
    String ingest = api.newUser("ingest").token();
    Api.NewUser manager = api.newUser("manager");
    String producer = LiveKit.uniqueId("screen");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password()).open("big-screen?session=" + live.sessionId(), "big-screen");
      Locator likes = figure(web, "likes");
      Locator gmv = figure(web, "gmv");
      assertThat(likes).hasText("0", SOON);
      assertThat(gmv).hasText("¥0.00", SOON);

      sent(kit.send(ingest, batch(producer, 1, like(live.sessionId(), 5), viewer(live.sessionId(), "viewer_join", "v1"))));
      assertThat(likes).hasText("5", SOON);
      assertThat(figure(web, "unique-viewers")).hasText("1", SOON);

      sent(kit.send(ingest, batch(producer, 2, order(live.sessionId(), live.productId(), 12_345), like(live.sessionId(), 3))));
      assertThat(gmv).hasText("¥123.45", SOON);
      assertThat(likes).hasText("8", SOON);
      assertThat(figure(web, "orders")).hasText("1", SOON);

      sent(kit.send(ingest, batch(producer, 3, order(live.sessionId(), live.productId(), 1_000_000))));
      // past 1万 the figure reads as Chinese dashboards write it, the exact one on hover
      assertThat(gmv).hasText("¥1.01万", SOON);
      assertThat(gmv).hasAttribute("title", "¥10,123.45");
      // today's ranking names this session's streamer with the same GMV
      assertThat(web.page().locator(".big-ranking")).containsText("¥1.01万",
          new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
      web.screenshot("big-screen");

      // once the session ends the screen keeps the settled figures instead of counters that expire
      assertEquals(200, api.post("/api/v1/live/sessions/" + live.sessionId() + "/end").as(live.streamer().token()).send().status());
      assertThat(web.page().getByTestId("stream-state")).hasText("本场直播已结束，以下为结算数据。", SOON);
      assertThat(gmv).hasText("¥1.01万");
      assertThat(likes).hasText("8");
    }
  }

  /**
   * Every frame the page draws is checked inside the page as it is drawn, while batches arrive: figures that agree
   * (峰值 ≥ 在线, 累计 ≥ 峰值, GMV with orders, the product TOP adding up to the GMV, nothing counted going back),
   * no tile whose number overflows it, and the frame covering the whole 1920×1080 screen down to its bottom edge.
   */
  private static final String WATCH_FRAMES = """
      () => {
        window.frameProblems = [];
        window.frameCount = 0;
        let last = null;
        const screen = document.querySelector('[data-testid=big-screen]');
        const value = (name) => Number(document.querySelector(`[data-testid=big-${name}]`).dataset.value);
        const check = () => {
          if (document.querySelector('[data-testid=big-gmv]').dataset.value === '') return;
          const f = { gmv: value('gmv'), orders: value('orders'), concurrent: value('concurrent-viewers'),
            peak: value('peak-viewers'), unique: value('unique-viewers'), likes: value('likes') };
          const problems = [];
          if (f.peak < f.concurrent) problems.push(`峰值 ${f.peak} < 在线 ${f.concurrent}`);
          if (f.unique < f.peak) problems.push(`累计 ${f.unique} < 峰值 ${f.peak}`);
          if ((f.gmv > 0) !== (f.orders > 0)) problems.push(`GMV ${f.gmv} with ${f.orders} orders`);
          const products = [...document.querySelectorAll('[data-testid=big-products] li[data-value]')]
            .reduce((sum, li) => sum + Number(li.dataset.value), 0);
          if (products !== f.gmv) problems.push(`product TOP adds up to ${products}, GMV ${f.gmv}`);
          if (last) for (const k of ['gmv', 'orders', 'peak', 'likes']) if (f[k] < last[k]) problems.push(`${k} went back ${last[k]} -> ${f[k]}`);
          for (const tile of document.querySelectorAll('.big-figures .stat')) {
            const t = tile.getBoundingClientRect();
            for (const part of tile.children) {
              const r = part.getBoundingClientRect();
              if (part.scrollWidth > part.clientWidth + 1 || r.right > t.right + 0.5 || r.bottom > t.bottom + 0.5) {
                problems.push(`tile ${tile.querySelector('.label').textContent} overflows with ${part.textContent}`);
              }
            }
          }
          if (screen.scrollHeight > screen.clientHeight || screen.scrollWidth > screen.clientWidth) {
            problems.push(`the screen scrolls: ${screen.scrollWidth}×${screen.scrollHeight}`);
          }
          if (problems.length) window.frameProblems.push(JSON.stringify(f) + ': ' + problems.join('; '));
          last = f;
          window.frameCount++;
        };
        new MutationObserver(check).observe(screen, { subtree: true, childList: true, characterData: true });
      }""";

  @Test
  @DisplayName("on a 1920×1080 wall screen the big screen fills the screen, no tile overflows and every frame agrees while events are ingested")
  void wallScreenWhileIngesting() throws InterruptedException {
    LiveKit.Live live = kit.liveSession();
    String ingest = api.newUser("ingest").token();
    Api.NewUser manager = api.newUser("manager");
    String producer = LiveKit.uniqueId("wall");
    try (WebApp web = WebApp.onWallScreen(api.baseUrl())) {
      web.logIn(manager.username(), manager.password()).open("big-screen?session=" + live.sessionId(), "big-screen");
      assertThat(figure(web, "gmv")).hasText("¥0.00", SOON);
      web.page().evaluate(WATCH_FRAMES);

      long sent = 0;
      for (int i = 1; i <= 12; i++) {
        // a crowd that grows, buys big (GMV reaches 万 and 百万), likes and comments
        java.util.List<io.vertx.core.json.JsonObject> events = new java.util.ArrayList<>();
        for (int v = 0; v < 5 * i; v++) events.add(viewer(live.sessionId(), "viewer_join", "wall-" + i + "-" + v));
        long amount = 58_765_432L * i;
        sent += amount;
        events.add(order(live.sessionId(), live.productId(), amount));
        events.add(like(live.sessionId(), 2_500 * i));
        events.add(viewer(live.sessionId(), "comment", "wall-" + i + "-0"));
        sent(kit.send(ingest, batch(producer, i, events.toArray(io.vertx.core.json.JsonObject[]::new))));
        Thread.sleep(400);
      }
      Locator gmv = figure(web, "gmv");
      assertThat(gmv).hasAttribute("data-value", String.valueOf(sent), new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
      assertThat(gmv).hasText(java.util.regex.Pattern.compile("^¥[\\d,]+\\.\\d{2}万$"));
      assertThat(figure(web, "likes")).hasText("19.50万");
      assertThat(figure(web, "products")).containsText("宁夏枸杞原浆");
      assertThat(figure(web, "funnel")).containsText("进入直播间");
      assertThat(figure(web, "on-air")).hasText(java.util.regex.Pattern.compile("^已播 \\d{2}:\\d{2}$"));
      assertThat(figure(web, "fullscreen")).isVisible();

      int frames = ((Number) web.page().evaluate("() => window.frameCount")).intValue();
      org.junit.jupiter.api.Assertions.assertTrue(frames >= 4, "frames seen while ingesting: " + frames);
      assertEquals(java.util.List.of(), web.page().evaluate("() => window.frameProblems"));

      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> layout = (java.util.Map<String, Object>) web.page().evaluate("""
          () => {
            const screen = document.querySelector('[data-testid=big-screen]').getBoundingClientRect();
            const lower = [...document.querySelectorAll('.big-lower section')].map((s) => s.getBoundingClientRect());
            const tiles = [...document.querySelectorAll('.big-figures .stat')].map((t) => t.getBoundingClientRect());
            const rows = [...new Set(tiles.map((t) => Math.round(t.top)))];
            const rowEnds = rows.map((top) => Math.max(...tiles.filter((t) => Math.round(t.top) === top).map((t) => Math.round(t.right))));
            return { width: screen.width, height: screen.height, rows: rows.length, rowEnds: [...new Set(rowEnds)].length,
              lowestBottom: Math.min(...lower.map((s) => s.bottom)), chartHeight: document.querySelector('.big-chart').getBoundingClientRect().height };
          }""");
      assertEquals(1920, ((Number) layout.get("width")).intValue(), layout::toString);
      assertEquals(1080, ((Number) layout.get("height")).intValue(), layout::toString);
      assertEquals(2, ((Number) layout.get("rows")).intValue(), "the tiles in two full rows, not 6 + 3: " + layout);
      assertEquals(1, ((Number) layout.get("rowEnds")).intValue(), "every row of tiles as wide as the others: " + layout);
      org.junit.jupiter.api.Assertions.assertTrue(((Number) layout.get("lowestBottom")).doubleValue() >= 1080 - 40,
          "the lower panels reach the bottom edge, no empty band: " + layout);
      org.junit.jupiter.api.Assertions.assertTrue(((Number) layout.get("chartHeight")).doubleValue() >= 400,
          "the chart grows with the screen: " + layout);
      web.screenshot("big-screen-1920x1080");
    }
  }

  @Test
  @DisplayName("on a 1920×1080 wall screen the feed rolls the newest ten orders first, names masked, while no tile overflows")
  void feedRollsNewestOrdersFirst() {
    LiveKit.Live live = kit.liveSession();
    String ingest = api.newUser("ingest").token();
    Api.NewUser manager = api.newUser("manager");
    String producer = LiveKit.uniqueId("feed");
    try (WebApp web = WebApp.onWallScreen(api.baseUrl())) {
      web.logIn(manager.username(), manager.password()).open("big-screen?session=" + live.sessionId(), "big-screen");
      Locator feed = figure(web, "feed");
      assertThat(feed).containsText("还没有订单或评论", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
      web.page().evaluate(WATCH_FRAMES);
      for (int b = 0; b < 2; b++) {
        java.util.List<io.vertx.core.json.JsonObject> events = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
          int n = b * 6 + i;
          events.add(LiveKit.namedOrder(live.sessionId(), live.productId(), 1_000L * n, "张三" + n));
        }
        sent(kit.send(ingest, batch(producer, b + 1, events.toArray(io.vertx.core.json.JsonObject[]::new))));
      }
      Locator rows = feed.locator("li.order");
      assertThat(rows).hasCount(10, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
      // the 12th order (¥120.00) came last and stands first; the two oldest rolled off
      assertThat(rows.first()).containsText("¥120.00");
      assertThat(rows.first()).containsText("张**");
      assertThat(rows.first()).containsText("宁夏枸杞原浆");
      assertThat(rows.last()).containsText("¥30.00");
      assertThat(feed).not().containsText("张三");
      assertEquals(java.util.List.of(), web.page().evaluate("() => window.frameProblems"));
      web.screenshot("big-screen-feed-1920x1080");
    }
  }

  @Test
  @DisplayName("the big screen says the connection dropped and picks the counters up again once it is back")
  void bigScreenReconnects() {
    LiveKit.Live live = kit.liveSession();
    String ingest = api.newUser("ingest").token();
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      // the stream's connection is reset by the network until the test lets it through again
      AtomicBoolean down = new AtomicBoolean(true);
      web.page().route("**/api/v1/live/sessions/*/stream", route -> {
        if (down.get()) route.abort("connectionreset");
        else route.resume();
      });
      web.logIn(manager.username(), manager.password()).open("big-screen?session=" + live.sessionId(), "big-screen");
      assertThat(figure(web, "likes")).hasText("0", SOON);
      assertThat(web.page().getByTestId("stream-state")).hasText("连接中断，正在重连…", SOON);

      sent(kit.send(ingest, batch(LiveKit.uniqueId("screen"), 1, like(live.sessionId(), 4))));
      down.set(false);

      assertThat(figure(web, "likes")).hasText("4", SOON);
      assertThat(web.page().getByTestId("stream-state")).hasText("", SOON);
    }
  }

  @Test
  @DisplayName("without a session the big screen lists the live sessions to choose from")
  void bigScreenPicker() {
    LiveKit.Live live = kit.liveSession();
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password()).open("big-screen", "big-screen");
      web.content().locator("a[href='#/big-screen?session=" + live.sessionId() + "']").click();
      assertThat(web.page().getByTestId("big-screen")).containsText("测试直播");
    }
  }

  @Test
  @DisplayName("a streamer who opens the big screen is refused in Chinese")
  void streamerRefused() {
    Api.NewUser streamer = api.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(streamer.username(), streamer.password()).open("big-screen", "big-screen");
      assertThat(web.content()).containsText("无权访问此页面");
      assertThat(web.content()).containsText("「大屏」仅对基地管理员开放，您当前的身份是主播。");
      assertThat(web.page().getByTestId("big-screen")).hasCount(0);
    }
  }

  static Locator figure(WebApp web, String name) {
    return web.page().getByTestId("big-" + name);
  }

  static void sent(cn.redlive.support.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(0, reply.json().getJsonArray("rejected").size(), reply::toString);
  }
}
