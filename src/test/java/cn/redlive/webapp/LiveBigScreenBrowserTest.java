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
      assertThat(gmv).hasText("¥10,123.45", SOON);
      // today's ranking names this session's streamer with the same GMV
      assertThat(web.page().locator(".big-ranking")).containsText("¥10,123.45",
          new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
      web.screenshot("big-screen");

      // once the session ends the screen keeps the settled figures instead of counters that expire
      assertEquals(200, api.post("/api/v1/live/sessions/" + live.sessionId() + "/end").as(live.streamer().token()).send().status());
      assertThat(web.page().getByTestId("stream-state")).hasText("本场直播已结束，以下为结算数据。", SOON);
      assertThat(gmv).hasText("¥10,123.45");
      assertThat(likes).hasText("8");
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
