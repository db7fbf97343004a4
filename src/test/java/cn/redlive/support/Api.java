package cn.redlive.support;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small blocking HTTP client so tests read top to bottom: {@code api.post("/api/v1/accounts").as(token).json(body).send()}.
 * It runs on the JUnit thread, never on an event loop.
 */
public final class Api {

  private static final Duration WHOLE_EXCHANGE = Duration.ofSeconds(120);

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public Api(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Call get(String path) {
    return new Call("GET", path);
  }

  public Call post(String path) {
    return new Call("POST", path);
  }

  public Call put(String path) {
    return new Call("PUT", path);
  }

  public Call patch(String path) {
    return new Call("PATCH", path);
  }

  public Call delete(String path) {
    return new Call("DELETE", path);
  }

  public Call method(String method, String path) {
    return new Call(method, path);
  }

  /** Logs in and returns the access token; fails the test if the login is refused. */
  public String login(String username, String password) {
    Reply reply = post("/api/v1/auth/login").json(new JsonObject().put("username", username).put("password", password)).send();
    if (reply.status() != 200) throw new AssertionError("login of " + username + " failed: " + reply);
    return reply.json().getString("accessToken");
  }

  public String managerToken() {
    return login(TestApp.MANAGER, TestApp.MANAGER_PASSWORD);
  }

  /** A new account of the given role with a known password; returns its id and a token. */
  public NewUser newUser(String role) {
    String username = TestApp.uniqueName(role.replace("_", ""));
    String password = "password-" + username;
    Reply created = post("/api/v1/accounts").as(managerToken()).json(new JsonObject()
        .put("username", username).put("displayName", "测试" + role).put("role", role).put("password", password)).send();
    if (created.status() != 201) throw new AssertionError("could not create " + role + ": " + created);
    long id = created.json().getJsonObject("account").getLong("id");
    return new NewUser(id, username, password, login(username, password));
  }

  public record NewUser(long id, String username, String password, String token) {
  }

  public final class Call {
    private final String method;
    private final String path;
    private final HttpRequest.Builder builder;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
      this.builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    public Call as(String token) {
      builder.header("Authorization", "Bearer " + token);
      return this;
    }

    public Call header(String name, String value) {
      builder.header(name, value);
      return this;
    }

    public Call json(JsonObject json) {
      return raw("application/json", json.encode());
    }

    public Call raw(String contentType, String text) {
      builder.header("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
      return this;
    }

    public Call bytes(String contentType, byte[] bytes) {
      builder.header("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofByteArray(bytes);
      return this;
    }

    public Reply send() {
      // The request timeout ends at the response headers; a body that never ends (an event stream, a response the
      // server forgot to end) would hang the suite, so the whole exchange is bounded too.
      CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(builder.method(method, body).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      try {
        return new Reply(method + " " + path, exchange.get(WHOLE_EXCHANGE.toSeconds(), TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        throw new AssertionError(method + " " + path + " failed: " + e.getCause(), e.getCause());
      } catch (TimeoutException e) {
        exchange.cancel(true);
        throw new AssertionError(method + " " + path + " did not finish within " + WHOLE_EXCHANGE, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
