package cn.redlive.webapp;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Path;
import java.util.List;

/**
 * The web app in one browser tab, as a person uses it: open a page, log in, read the menu. Every wait is for what
 * the user would see; {@code body[data-ready]} names the page once it has finished rendering.
 */
final class WebApp implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final String baseUrl;
  private final BrowserContext context;
  private final Page page;

  private WebApp(String baseUrl, Browser.NewContextOptions options) {
    this.baseUrl = baseUrl;
    this.context = Browsers.chromium().newContext(options.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
    this.context.setDefaultTimeout(15_000);
    this.page = context.newPage();
  }

  static WebApp onLaptop(String baseUrl) {
    return new WebApp(baseUrl, new Browser.NewContextOptions().setViewportSize(1366, 800));
  }

  /** The desktop most managers use. */
  static WebApp onDesktop(String baseUrl) {
    return new WebApp(baseUrl, new Browser.NewContextOptions().setViewportSize(1440, 900));
  }

  /** The control room's wall screen the big screen is made for. */
  static WebApp onWallScreen(String baseUrl) {
    return new WebApp(baseUrl, new Browser.NewContextOptions().setViewportSize(1920, 1080));
  }

  static WebApp onPhone(String baseUrl) {
    return new WebApp(baseUrl, new Browser.NewContextOptions().setViewportSize(390, 844)
        .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
  }

  /**
   * A fresh tab with an empty browser cache that is already signed in with another tab's session, as if the user
   * opened a bookmark: what it loads first is the page itself.
   */
  static WebApp signedInLike(WebApp other) {
    Object session = other.page.evaluate("() => sessionStorage.getItem('redlive.session')");
    WebApp fresh = onLaptop(other.baseUrl);
    fresh.context.addInitScript("if (location.origin === " + quoted(other.baseUrl)
        + ") sessionStorage.setItem('redlive.session', " + quoted(String.valueOf(session)) + ");");
    return fresh;
  }

  private static String quoted(String text) {
    return io.vertx.core.json.Json.encode(text);
  }

  Page page() {
    return page;
  }

  /** Loads the app at a page (a full navigation) and waits until that page has rendered. */
  WebApp open(String pageId, String expectedReady) {
    page.navigate(baseUrl + "/#/" + pageId);
    return waitReady(expectedReady);
  }

  WebApp logIn(String username, String password) {
    page.navigate(baseUrl + "/");
    waitReady("login");
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForSelector("body[data-ready]:not([data-ready='login'])");
    return this;
  }

  WebApp waitReady(String pageId) {
    page.waitForSelector("body[data-ready='" + pageId + "']");
    return this;
  }

  /** Chooses a menu entry and waits until its page has rendered. */
  WebApp choose(String menuTitle, String pageId) {
    menu().getByText(menuTitle, new Locator.GetByTextOptions().setExact(true)).click();
    return waitReady(pageId);
  }

  Locator menu() {
    return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主菜单"));
  }

  List<String> menuTitles() {
    return menu().locator("a").allTextContents();
  }

  Locator content() {
    return page.locator("main.content");
  }

  String readyPage() {
    return page.locator("body").getAttribute("data-ready");
  }

  /**
   * The series of the charts on screen drawn smoothed (a smoothed line invents values between the points), or
   * "no chart" when there is none to look at.
   */
  List<?> smoothedSeries() {
    return (List<?>) page.evaluate("""
        () => {
          const series = [...document.querySelectorAll('[_echarts_instance_]')]
            .flatMap((el) => window.echarts.getInstanceByDom(el)?.getOption().series ?? []);
          return series.length ? series.filter((s) => s.smooth).map((s) => s.name) : ['no chart'];
        }""");
  }

  void screenshot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    context.close();
  }
}
