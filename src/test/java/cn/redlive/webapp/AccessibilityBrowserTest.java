package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page of each role, on a desktop (1440×900) and a phone (390×844), checked by axe-core run inside the page
 * (vendored from the npm package into the test resources): no serious or critical violation, one {@code <main>}
 * landmark, no table header without text. A screenshot of each page at each size is kept under target/screenshots/.
 */
@DisplayName("Each role's pages are accessible on a desktop and a phone")
class AccessibilityBrowserTest {

  private static final String AXE = axeSource();
  private static final String RUN_AXE = """
      async () => {
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
      }""";
  private static final String STRUCTURE = """
      () => {
        const problems = [];
        const mains = document.querySelectorAll('main').length;
        if (mains !== 1) problems.push(mains + ' <main> landmarks');
        document.querySelectorAll('th').forEach((th) => {
          if (!th.textContent.trim() && !th.getAttribute('aria-label')) problems.push('empty <th> in ' + (th.closest('table')?.getAttribute('aria-label') ?? 'a table'));
        });
        return problems;
      }""";

  private final Api api = TestApp.shared().api();

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({"manager, desktop", "manager, phone", "streamer, desktop", "streamer, phone",
      "brand_partner, desktop", "brand_partner, phone"})
  @DisplayName("a role's every page has no serious axe-core violation, one <main> and no empty table header")
  void pagesAreAccessible(String role, String size) {
    Api.NewUser user = api.newUser(role);
    Function<String, WebApp> browser = "phone".equals(size) ? WebApp::onPhone : WebApp::onDesktop;
    List<String> problems = new ArrayList<>();
    try (WebApp web = browser.apply(api.baseUrl())) {
      web.logIn(user.username(), user.password());
      // the registry's menu for the role, not the links on screen: a phone folds its menu away
      @SuppressWarnings("unchecked")
      List<String> pages = (List<String>) web.page().evaluate(
          "async (role) => (await import('/js/pages/registry.js')).menuFor(role).map((p) => p.id)", role);
      assertEquals(true, pages.size() >= 3, "the " + role + " menu: " + pages);
      for (String pageId : pages) {
        web.open(pageId, pageId);
        check(web, pageId, role + "-" + pageId + "-" + ("phone".equals(size) ? "390x844" : "1440x900"), problems);
      }
    }
    assertEquals(List.of(), problems, role + " at " + size);
  }

  @ParameterizedTest(name = "at {0}")
  @CsvSource({"desktop", "phone"})
  @DisplayName("the login, the password change and a live session's big screen have no serious axe-core violation either")
  void pagesOutsideTheMenuAreAccessible(String size) {
    cn.redlive.support.LiveKit.Live live = new cn.redlive.support.LiveKit(api).liveSession();
    Api.NewUser manager = api.newUser("manager");
    String suffix = "phone".equals(size) ? "390x844" : "1440x900";
    List<String> problems = new ArrayList<>();
    Function<String, WebApp> browser = "phone".equals(size) ? WebApp::onPhone : WebApp::onDesktop;
    try (WebApp web = browser.apply(api.baseUrl())) {
      web.page().navigate(api.baseUrl() + "/");
      web.waitReady("login");
      check(web, "login", "login-" + suffix, problems);
      web.logIn(manager.username(), manager.password());
      web.open("password", "password");
      check(web, "password", "manager-password-" + suffix, problems);
      web.open("big-screen?session=" + live.sessionId(), "big-screen");
      check(web, "big-screen", "manager-big-screen-live-" + suffix, problems);
    }
    assertEquals(List.of(), problems, "at " + size);
  }

  private static void check(WebApp web, String pageId, String screenshot, List<String> problems) {
    web.page().waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    web.screenshot(screenshot);
    if (!Boolean.TRUE.equals(web.page().evaluate("() => typeof axe !== 'undefined'"))) {
      web.page().addScriptTag(new com.microsoft.playwright.Page.AddScriptTagOptions().setContent(AXE));
    }
    for (Object found : (List<?>) web.page().evaluate(RUN_AXE)) problems.add(pageId + ": " + found);
    for (Object found : (List<?>) web.page().evaluate(STRUCTURE)) problems.add(pageId + ": " + found);
  }

  private static String axeSource() {
    try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) throw new IllegalStateException("axe-core is vendored at src/test/resources/axe/axe.min.js");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
