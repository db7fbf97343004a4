package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("A manager administers accounts in the browser")
class AccountAdministrationBrowserTest {

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("a manager creates an account, is shown its temporary password once and finds it in the list")
  void createAccount() {
    String username = TestApp.uniqueName("ui");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Page page = openAccountsAsNewManager(web);

      Locator form = openCreateForm(page);
      form.getByLabel("角色").selectOption("streamer");
      create(form, username, "马小燕");

      assertThat(page.getByTestId("account-messages")).containsText("临时密码只显示这一次");
      assertThat(page.getByTestId("temporary-password")).hasText(java.util.regex.Pattern.compile("\\S{10,}"));
      Locator row = findRow(page, username);
      assertThat(row).containsText("马小燕");
      assertThat(row).containsText("主播");
      assertThat(row).containsText("待改密码");
      web.screenshot("manager-accounts-created");
    }
  }

  @Test
  @DisplayName("a taken username is shown next to the username field in Chinese")
  void takenUsername() {
    Api.NewUser existing = api.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Locator form = openCreateForm(openAccountsAsNewManager(web));
      create(form, existing.username(), "重复的人");

      assertThat(form.locator(".field[data-field='username'] .field-error")).hasText("该用户名已被占用，请换一个。");
      form.getByLabel("初始密码（可选）").fill("short");
      create(form, "x", "重复的人");
      assertThat(form.locator(".field[data-field='username'] .field-error")).hasText("格式不符合要求");
      assertThat(form.locator(".field[data-field='password'] .field-error")).hasText("至少 10 个字符");
      assertThat(form).containsText("填写的内容有误");
      web.screenshot("manager-accounts-field-errors");
    }
  }

  @Test
  @DisplayName("a manager disables an account, enables it again and resets its password")
  void disableEnableReset() {
    Api.NewUser streamer = api.newUser("streamer");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      Page page = openAccountsAsNewManager(web);
      Locator row = findRow(page, streamer.username());

      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("停用")).click();
      confirmDialog(page, "停用");
      assertThat(row.locator(".tag.disabled")).hasText("停用");
      assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("启用"))).isVisible();
      assertThat(page.getByTestId("account-messages")).containsText("已停用账号");

      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("启用")).click();
      confirmDialog(page, "启用");
      assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("停用"))).isVisible();

      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重置密码")).click();
      confirmDialog(page, "重置");
      assertThat(page.getByTestId("temporary-password")).isVisible();
      String temporary = page.getByTestId("temporary-password").textContent();
      api.login(streamer.username(), temporary);
    }
  }

  @Test
  @DisplayName("an account with a temporary password must choose its own before anything else")
  void temporaryPasswordMustBeChanged() {
    String username = TestApp.uniqueName("temp");
    String temporary = api.post("/api/v1/accounts").as(api.managerToken())
        .json(new io.vertx.core.json.JsonObject().put("username", username).put("displayName", "新主播").put("role", "streamer"))
        .send().json().getString("temporaryPassword");
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.logIn(username, temporary);
      web.waitReady("password");
      Page page = web.page();
      assertThat(web.content()).containsText("您正在使用临时密码");
      web.open("my-study", "password");

      Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("修改密码"));
      form.getByLabel("当前密码").fill(temporary);
      form.getByLabel("新密码", new Locator.GetByLabelOptions().setExact(true)).fill("my-own-password-2026");
      form.getByLabel("再次输入新密码").fill("my-own-password-2026");
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存新密码")).click();

      web.waitReady("my-performance");
      api.login(username, "my-own-password-2026");
    }
  }

  private Page openAccountsAsNewManager(WebApp web) {
    Api.NewUser manager = api.newUser("manager");
    web.logIn(manager.username(), manager.password()).choose("账号管理", "accounts");
    return web.page();
  }

  private static Locator openCreateForm(Page page) {
    button(page, "新建账号").click();
    return page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("新建账号"));
  }

  private static void create(Locator form, String username, String displayName) {
    form.getByLabel("用户名").fill(username);
    form.getByLabel("姓名").fill(displayName);
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("创建")).click();
  }

  private static Locator findRow(Page page, String username) {
    page.getByLabel("搜索用户名或姓名").fill(username);
    button(page, "查询").click();
    return page.locator("tr[data-username='" + username + "']");
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static void confirmDialog(Page page, String answer) {
    page.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(answer)).click();
  }
}
