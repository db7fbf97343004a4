package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The web app refuses and fails in Chinese")
class RefusalBrowserTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a streamer who opens the manager's account page by its address is refused in Chinese")
  void streamerOpensAccountPage() {
    Api.NewUser streamer = api.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(streamer.username(), streamer.password()).open("accounts", "accounts");

      assertThat(web.content().getByRole(AriaRole.ALERT)).containsText("无权访问此页面");
      assertThat(web.content()).containsText("「账号管理」仅对基地管理员开放，您当前的身份是主播。");
      assertThat(web.content().locator("table")).hasCount(0);
      web.screenshot("streamer-refused-accounts");
    }
  }

  @Test
  @DisplayName("a brand partner who opens the live big screen is refused, and an unknown page is named as such")
  void brandPartnerOpensBigScreen() {
    Api.NewUser brand = api.newUser("brand_partner");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(brand.username(), brand.password()).open("big-screen", "big-screen");
      assertThat(web.content()).containsText("「大屏」仅对基地管理员开放，您当前的身份是品牌方。");

      web.open("no-such-page", "no-such-page");
      assertThat(web.content()).containsText("页面不存在");
    }
  }

  @Test
  @DisplayName("the API's own 403 reaches the user in Chinese")
  void apiForbiddenInChinese() {
    Api.NewUser streamer = api.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(streamer.username(), streamer.password());

      Object message = web.page().evaluate("""
          async () => {
            const api = await import('/js/api.js');
            try { await api.get('/accounts'); return 'no error'; } catch (e) { return e.status + ' ' + e.message; }
          }""");
      assertEquals("403 您的角色无权执行此操作。", message);
    }
  }

  @Test
  @DisplayName("a wrong password is refused in Chinese and the login page stays")
  void wrongPassword() {
    Api.NewUser streamer = api.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Page page = web.page();
      page.navigate(api.baseUrl() + "/");
      web.waitReady("login");
      page.getByLabel("用户名").fill(streamer.username());
      page.getByLabel("密码").fill("not-the-password");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

      assertThat(page.getByRole(AriaRole.ALERT).filter(new com.microsoft.playwright.Locator.FilterOptions()
          .setHasText("用户名或密码错误"))).isVisible();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).isEnabled();
      assertEquals("login", web.readyPage());
      web.screenshot("login-wrong-password");
    }
  }

  @Test
  @DisplayName("a session the server no longer accepts sends the user back to the login page")
  void lostSession() {
    Api.NewUser manager = api.newUser("manager");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(manager.username(), manager.password());
      web.page().evaluate("""
          () => {
            const s = JSON.parse(sessionStorage.getItem('redlive.session'));
            s.accessToken = 'no.longer.valid';
            sessionStorage.setItem('redlive.session', JSON.stringify(s));
          }""");

      web.open("accounts", "login");
      assertThat(web.page().locator(".login-card")).containsText("登录已过期或已失效，请重新登录。");
    }
  }
}
