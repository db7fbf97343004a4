package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Each role logs in to its own menu, the top bar naming the person and the menu the role")
class RoleMenusBrowserTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a base manager lands on the overview and sees the manager's menu")
  void managerMenu() {
    assertMenu("manager", "overview", List.of("总览", "业绩排名", "主播与团队", "党员发展", "红色直播间筛选", "商品审核", "热门选品", "企业与目标",
        "直播场次", "大屏", "账号管理"));
  }

  @Test
  @DisplayName("a streamer lands on their performance and sees the streamer's menu")
  void streamerMenu() {
    assertMenu("streamer", "my-performance", List.of("我的业绩", "我的直播", "学习进度", "我的选品"));
  }

  @Test
  @DisplayName("a brand partner lands on the catalog upload and sees the brand partner's menu")
  void brandPartnerMenu() {
    assertMenu("brand_partner", "catalog-upload", List.of("商品目录上传", "我的商品", "销售情况"));
  }

  /** Logs in, checks the menu, then opens every entry and keeps a screenshot of each page. */
  private void assertMenu(String role, String home, List<String> expected) {
    Api.NewUser user = api.newUser(role);
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(user.username(), user.password());

      assertEquals(home, web.readyPage());
      assertEquals(expected, web.menuTitles());
      assertThat(web.page().getByTestId("who")).hasText("测试" + role);
      assertThat(web.page().locator(".section")).hasText(web.page().getByTestId("who").getAttribute("title")
          .replaceAll(".*（(.*)）", "$1"));
      for (String title : expected) {
        String pageId = web.menu().getByText(title, new Locator.GetByTextOptions().setExact(true)).getAttribute("data-page");
        web.choose(title, pageId);
        assertThat(web.content().locator("h1")).hasText(title);
        web.screenshot(role + "-" + pageId);
        assertThat(web.content().getByRole(AriaRole.ALERT)).hasCount(0);
      }
    }
  }
}
