package cn.redlive.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One event-loop HTTP server; several instances share the port. On undeploy in-flight requests may finish. */
public final class HttpServerVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(HttpServerVerticle.class);

  private final String host;
  private final int port;
  private final int shutdownGraceSeconds;
  private final Supplier<Router> routerFactory;
  private final Handler<HttpConnection> connections;
  private HttpServer server;

  public HttpServerVerticle(String host, int port, int shutdownGraceSeconds, Supplier<Router> routerFactory,
                            Handler<HttpConnection> connections) {
    this.connections = connections;
    this.host = host;
    this.port = port;
    this.shutdownGraceSeconds = shutdownGraceSeconds;
    this.routerFactory = routerFactory;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setCompressionSupported(true)
        .setIdleTimeout(120)
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    return vertx.createHttpServer(options)
        .requestHandler(routerFactory.get())
        .invalidRequestHandler(new InvalidRequests())
        .connectionHandler(connections)
        .listen()
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    if (server == null) return Future.succeededFuture();
    log.info("HTTP server draining (up to {} s)", shutdownGraceSeconds);
    return server.shutdown(shutdownGraceSeconds, TimeUnit.SECONDS);
  }
}
