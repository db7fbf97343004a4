package cn.redlive.smoke;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.unit.Async;
import io.vertx.ext.unit.TestCompletion;
import io.vertx.ext.unit.TestContext;
import io.vertx.ext.unit.TestOptions;
import io.vertx.ext.unit.TestSuite;
import io.vertx.ext.unit.report.ReportOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Post-deploy smoke suite for operators: {@code scripts/smoke https://redlive.example}. Written with Vert.x Unit
 * because it runs outside JUnit against a deployed URL. Credentials come from SMOKE_USERNAME / SMOKE_PASSWORD.
 * Exit status 0 when every check passes; a JUnit XML report is written to SMOKE_REPORT_DIR (default target/smoke).
 */
public final class SmokeSuite {

  private SmokeSuite() {
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: scripts/smoke <base-url>   (env SMOKE_USERNAME, SMOKE_PASSWORD)");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0]);
    String username = System.getenv().getOrDefault("SMOKE_USERNAME", "");
    String password = System.getenv().getOrDefault("SMOKE_PASSWORD", "");
    String reportDir = System.getenv().getOrDefault("SMOKE_REPORT_DIR", "target/smoke");

    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(reportDir));
    } catch (java.io.IOException e) {
      System.err.println("cannot create the report directory " + reportDir + ": " + e.getMessage());
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    boolean tls = "https".equalsIgnoreCase(base.getScheme());
    int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
    WebClient client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost(base.getHost()).setDefaultPort(port).setSsl(tls)
        .setConnectTimeout(5_000).setIdleTimeout(30));
    String prefix = base.getPath() == null ? "" : base.getPath();
    AtomicReference<String> token = new AtomicReference<>();

    TestSuite suite = TestSuite.create("redlive-smoke")
        .test("the server is alive", ctx -> expect(ctx, client.get(prefix + "/health/live").send(), 200,
            body -> ctx.assertEquals("UP", body.getString("status"))))
        .test("PostgreSQL and Redis are reachable (ready)", ctx -> expect(ctx, client.get(prefix + "/health/ready").send(), 200,
            body -> ctx.assertEquals("UP", body.getString("status"))))
        .test("the API contract is served", ctx -> {
          Async async = ctx.async();
          client.get(prefix + "/api/v1/openapi.yaml").send().onComplete(ctx.asyncAssertSuccess(response -> {
            ctx.assertEquals(200, response.statusCode());
            ctx.assertTrue(response.bodyAsString().startsWith("openapi:"), "an OpenAPI document");
            async.complete();
          }));
        })
        .test("the smoke account can log in", ctx -> {
          ctx.assertFalse(username.isEmpty() || password.isEmpty(), "SMOKE_USERNAME and SMOKE_PASSWORD are set");
          expect(ctx, client.post(prefix + "/api/v1/auth/login")
              .sendJsonObject(new JsonObject().put("username", username).put("password", password)), 200, body -> {
            ctx.assertNotNull(body.getString("accessToken"));
            token.set(body.getString("accessToken"));
          });
        })
        .test("an authenticated read answers for the logged-in account", ctx -> {
          ctx.assertNotNull(token.get(), "a token from the login check");
          expect(ctx, client.get(prefix + "/api/v1/me").bearerTokenAuthentication(token.get()).send(), 200,
              body -> ctx.assertEquals(username.toLowerCase(), body.getString("username").toLowerCase()));
        })
        .test("a request without a token is refused with problem+json", ctx -> {
          Async async = ctx.async();
          client.get(prefix + "/api/v1/me").send().onComplete(ctx.asyncAssertSuccess(response -> {
            ctx.assertEquals(401, response.statusCode());
            ctx.assertTrue(String.valueOf(response.getHeader("Content-Type")).startsWith("application/problem+json"));
            async.complete();
          }));
        });

    TestCompletion completion = suite.run(vertx, new TestOptions()
        .setTimeout(15_000)
        .addReporter(new ReportOptions().setTo("console"))
        .addReporter(new ReportOptions().setTo("file:" + reportDir).setFormat("junit")));
    completion.await(5 * 60_000);
    boolean failed = completion.isFailed();
    vertx.close();
    System.out.println(failed ? "smoke: FAILED (report in " + reportDir + ")" : "smoke: OK (report in " + reportDir + ")");
    System.exit(failed ? 1 : 0);
  }

  private static void expect(TestContext ctx, io.vertx.core.Future<HttpResponse<Buffer>> request, int status,
                             java.util.function.Consumer<JsonObject> check) {
    Async async = ctx.async();
    request.onComplete(ctx.asyncAssertSuccess(response -> {
      ctx.assertEquals(status, response.statusCode(), "status of " + response.bodyAsString());
      check.accept(response.bodyAsJsonObject());
      async.complete();
    }));
  }
}
