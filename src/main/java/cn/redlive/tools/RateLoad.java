package cn.redlive.tools;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Open-loop GET load at a fixed rate, for benchmarks whose goal names a rate ("p99 under 50 ms at 200 requests/s").
 * wrk keeps a fixed number of requests in flight, so a slower server is simply offered less load; here request i is
 * due at start + i/rate whatever happened before, and its latency counts from that intended time (no coordinated
 * omission).
 * <pre>
 *   java -cp redlive.jar cn.redlive.tools.RateLoad PORT TOKEN SECONDS RATE PATHS_FILE
 * </pre>
 * PATHS_FILE holds one request path per line, used in turn. Prints
 * {@code rate: offered_rps=<n> achieved_rps=<n> p50_ms=<n> p99_ms=<n> failures=<n>}.
 */
public final class RateLoad {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String token = args[1];
    int seconds = Integer.parseInt(args[2]);
    int rate = Integer.parseInt(args[3]);
    List<String> paths = Files.readAllLines(Path.of(args[4])).stream().filter(line -> !line.isBlank()).toList();

    Vertx vertx = Vertx.vertx();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(256));
    OpenLoop.Result result = OpenLoop.run(vertx, seconds, rate, i ->
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(paths.get(i % paths.size()))
                .putHeader("Authorization", "Bearer " + token))
            .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode()))));
    System.out.printf("rate: offered_rps=%d achieved_rps=%.0f p50_ms=%.2f p99_ms=%.2f failures=%d%n", rate,
        result.completed() / result.seconds(), result.p50Ms(), result.p99Ms(), result.failures());
    vertx.close();
  }
}
