package cn.redlive;

import cn.redlive.platform.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;

/**
 * Command line entry: {@code java -jar redlive.jar [--demo]}. Configuration comes from config/application.yaml
 * and REDLIVE_* environment variables; SIGTERM stops the server gracefully.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println("usage: java -jar redlive.jar [--demo]   (configuration: config/application.yaml, REDLIVE_* env)");
      return;
    }
    AppConfig config = AppConfig.load(Map.of());
    if (Arrays.asList(args).contains("--demo")) config = config.withDemo(true);
    RedLiveApp app;
    try {
      app = RedLiveApp.start(config);
    } catch (RuntimeException e) {
      log.error("RedLive failed to start: {}", rootMessage(e), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("shutting down");
      app.stop();
    }, "redlive-shutdown"));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage();
  }
}
