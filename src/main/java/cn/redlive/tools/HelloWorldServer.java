package cn.redlive.tools;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

/**
 * The baseline of scripts/bench/http: a bare Vert.x server answering a fixed JSON body, with as many event-loop
 * instances as RedLive uses, so the benchmark can report RedLive's throughput as a ratio of what Vert.x alone does.
 */
public final class HelloWorldServer extends VerticleBase {

  private final int port;

  private HelloWorldServer(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(request -> request.response()
            .putHeader("Content-Type", "application/json")
            .end("{\"hello\":\"world\"}"))
        .listen(port, "127.0.0.1");
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Vertx.vertx().deployVerticle(() -> new HelloWorldServer(port), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("hello-world listening on " + port))
        .onFailure(e -> {
          System.err.println("hello-world did not start on port " + port + ": " + e.getMessage());
          System.exit(1);
        });
  }
}
