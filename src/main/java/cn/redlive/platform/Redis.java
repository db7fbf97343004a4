package cn.redlive.platform;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The shared Lettuce connection. Lettuce answers on its own Netty threads; {@link #call} brings each result
 * back onto the caller's Vert.x context so handlers never touch shared state from a foreign thread.
 */
public final class Redis implements AutoCloseable {

  private final Vertx vertx;
  private final RedisClient client;
  private final ClientResources resources;
  private final StatefulRedisConnection<String, String> connection;

  private Redis(Vertx vertx, RedisClient client, ClientResources resources, StatefulRedisConnection<String, String> connection) {
    this.vertx = vertx;
    this.client = client;
    this.resources = resources;
    this.connection = connection;
  }

  public static Future<Redis> connect(Vertx vertx, String uri, Duration commandTimeout, MeterRegistry registry) {
    ClientResources resources = ClientResources.builder()
        .commandLatencyRecorder(new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create()))
        .build();
    RedisClient client = RedisClient.create(resources, RedisURI.create(uri));
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // while Redis is down, fail at once instead of queueing commands until memory runs out
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build());
    // connecting builds Lettuce's reflective proxies: seconds of CPU on a busy machine, so not on an event loop
    return vertx.executeBlocking(() -> client.connect(StringCodec.UTF8, RedisURI.create(uri)))
        .map(connection -> new Redis(vertx, client, resources, connection))
        .onFailure(e -> {
          client.shutdownAsync();
          resources.shutdown();
        });
  }

  public <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
    Context context = Vertx.currentContext();
    if (context == null) context = vertx.getOrCreateContext();
    try {
      return Future.fromCompletionStage(command.apply(connection.async()), context);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Runs a script by its hash; when Redis does not know it (first use, or Redis restarted) it is sent whole once.
   * Replays of either command after a reconnect run the same script again, so scripts must be idempotent.
   */
  public Future<List<Object>> eval(LuaScript script, String[] keys, String... args) {
    return this.<List<Object>>call(redis -> redis.evalsha(script.sha(), ScriptOutputType.MULTI, keys, args))
        .recover(e -> e instanceof RedisNoScriptException || String.valueOf(e.getMessage()).startsWith("NOSCRIPT")
            ? call(redis -> redis.eval(script.source(), ScriptOutputType.MULTI, keys, args))
            : Future.failedFuture(e));
  }

  public Future<Void> ping() {
    return call(RedisAsyncCommands::ping).mapEmpty();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown();
  }
}
