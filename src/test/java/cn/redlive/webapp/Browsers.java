package cn.redlive.webapp;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian chromium for the whole test JVM, driven by Playwright. Playwright's own browser builds are
 * never downloaded; a machine without chromium fails these tests loudly instead of skipping them, so a green
 * run always means the web app was really exercised in a browser.
 */
final class Browsers {

  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("REDLIVE_CHROMIUM", "/usr/bin/chromium"));
  private static final List<String> ARGS = List.of(
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private static Playwright playwright;
  private static Browser browser;

  private Browsers() {
  }

  static synchronized Browser chromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new AssertionError("The browser tests need Debian's chromium at " + CHROMIUM
          + " (and fonts-noto-cjk for Chinese text): apt-get update && apt-get install -y chromium fonts-noto-cjk"
          + " (.ci/run installs them). Set REDLIVE_CHROMIUM to use another chromium binary.");
    }
    if (browser == null) {
      playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(ARGS));
      Runtime.getRuntime().addShutdownHook(new Thread(Browsers::close));
    }
    return browser;
  }

  private static synchronized void close() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
  }
}
