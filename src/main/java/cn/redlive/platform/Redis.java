package cn.redlive.platform;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Lettuce connections to Redis, one per Vert.x event loop and running on that loop (see {@link PinnedEventLoop}).
 * A handler's command is written on its own thread and answered there: no hand-over to a Lettuce thread and back,
 * which on a busy two-core machine cost more wall time (two wake-ups, each waiting for a core) than Redis itself.
 * Calls from elsewhere (worker threads, tests) use the first connection; {@link #call} brings every result back
 * onto the caller's Vert.x context, so handlers never touch shared state from a foreign thread.
 */
public final class Redis implements AutoCloseable {

  private record Pinned(EventLoop loop, RedisClient client, ClientResources resources, StatefulRedisConnection<String, String> connection) {
  }

  private final Vertx vertx;
  private final ClientResources shared;
  private final List<Pinned> pinned;
  /** Read-only after construction, so event loops share it without locks. */
  private final Map<EventLoop, RedisAsyncCommands<String, String>> byLoop = new IdentityHashMap<>();
  private final RedisAsyncCommands<String, String> fallback;

  private Redis(Vertx vertx, ClientResources shared, List<Pinned> pinned) {
    this.vertx = vertx;
    this.shared = shared;
    this.pinned = pinned;
    for (Pinned p : pinned) {
      byLoop.put(p.loop(), p.connection().async());
    }
    this.fallback = pinned.get(0).connection().async();
  }

  /**
   * Lettuce flushes the socket after every command: one write system call per command here, and one read for Redis,
   * which shares the machine. The handler holds the flushes of a turn of the event loop back and sends them at its
   * end (or after 256), so the commands of all requests read in one turn go out in one write. Commands are still
   * written (and tracked for replay) by Lettuce as before; only the system call moves.
   */
  private static final NettyCustomizer ONE_FLUSH_PER_TURN = new NettyCustomizer() {
    @Override
    public void afterChannelInitialized(Channel channel) {
      channel.pipeline().addLast(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }
  };

  public static Future<Redis> connect(Vertx vertx, String uri, Duration commandTimeout, MeterRegistry registry) {
    // timer, computation threads and the latency recorder are shared; only the event loop differs per connection
    ClientResources shared = ClientResources.builder()
        .commandLatencyRecorder(new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create()))
        .build();
    ClientOptions options = ClientOptions.builder()
        .autoReconnect(true)
        // while Redis is down, fail at once instead of queueing commands until memory runs out
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build();
    List<RedisClient> clients = new ArrayList<>();
    // connecting builds Lettuce's reflective proxies: seconds of CPU on a busy machine, so not on an event loop
    return vertx.executeBlocking(() -> {
          RedisURI address = RedisURI.create(uri);
          List<Pinned> pinned = new ArrayList<>();
          for (EventExecutor executor : ((VertxInternal) vertx).nettyEventLoopGroup()) {
            EventLoop loop = (EventLoop) executor;
            ClientResources resources = shared.mutate().eventLoopGroupProvider(new PinnedEventLoop(loop))
                .nettyCustomizer(ONE_FLUSH_PER_TURN).build();
            RedisClient client = RedisClient.create(resources, address);
            clients.add(client);
            client.setOptions(options);
            pinned.add(new Pinned(loop, client, resources, client.connect(ExactUtf8Codec.INSTANCE, address)));
          }
          return new Redis(vertx, shared, List.copyOf(pinned));
        })
        .onFailure(e -> {
          clients.forEach(RedisClient::shutdownAsync);
          shared.shutdown();
        });
  }

  public <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
    Context context = Vertx.currentContext();
    RedisAsyncCommands<String, String> commands = fallback;
    if (context == null) {
      context = vertx.getOrCreateContext();
    } else if (context.isEventLoopContext()) {
      commands = byLoop.getOrDefault(((ContextInternal) context).nettyEventLoop(), fallback);
    }
    try {
      return Future.fromCompletionStage(command.apply(commands), context);
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

  /**
   * A connection of its own for SUBSCRIBE (a subscribed connection takes no other commands), on the first event loop.
   * Lettuce subscribes again after a reconnect; messages published meanwhile are lost, so users keep a backstop.
   * Blocks while connecting: call it from a worker thread.
   */
  public StatefulRedisPubSubConnection<String, String> connectPubSub() {
    return pinned.get(0).client().connectPubSub(ExactUtf8Codec.INSTANCE);
  }

  public Future<Void> ping() {
    return call(RedisAsyncCommands::ping).mapEmpty();
  }

  /** Closes the connections; call before Vert.x closes, as they run on its event loops. */
  @Override
  public void close() {
    for (Pinned p : pinned) {
      p.connection().close();
      p.client().shutdown(Duration.ZERO, Duration.ofSeconds(2));
      p.resources().shutdown();
    }
    shared.shutdown();
  }
}
