package cn.redlive.platform;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
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
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Lettuce connections to Redis, one per Vert.x event loop and running on that loop (see {@link PinnedEventLoop}).
 * A handler's command is written on its own thread and answered there: no hand-over to a Lettuce thread and back,
 * which on a busy two-core machine cost more wall time (two wake-ups, each waiting for a core) than Redis itself.
 * Calls from elsewhere (worker threads, tests) use the first connection; {@link #call} brings every result back
 * onto the caller's Vert.x context, so handlers never touch shared state from a foreign thread.
 * <p>
 * {@code redis.uri} picks the engine (see {@link RedisAddress}): one server, a Sentinel group, or a Redis Cluster. On a
 * cluster each event loop has a cluster client of its own (so its node connections run on that loop too), each
 * following the topology (periodic and adaptive refresh). Commands go to masters only: every read here must see the
 * writes just made (a tile and the ranking, settlement after the last batch), which a replica cannot promise. Callers
 * see the commands both engines share ({@link RedisClusterAsyncCommands}); every multi-key command and script keeps
 * its keys in one slot (see LiveKeys).
 */
public final class Redis implements AutoCloseable {

  private record Pinned(EventLoop loop, AbstractRedisClient client, ClientResources resources,
      StatefulConnection<String, String> connection, RedisClusterAsyncCommands<String, String> commands) {
  }

  private final Vertx vertx;
  private final ClientResources shared;
  private final List<Pinned> pinned;
  /** Read-only after construction, so event loops share it without locks. */
  private final Map<EventLoop, RedisClusterAsyncCommands<String, String>> byLoop = new IdentityHashMap<>();
  private final RedisClusterAsyncCommands<String, String> fallback;

  private Redis(Vertx vertx, ClientResources shared, List<Pinned> pinned) {
    this.vertx = vertx;
    this.shared = shared;
    this.pinned = pinned;
    for (Pinned p : pinned) {
      byLoop.put(p.loop(), p.commands());
    }
    this.fallback = pinned.get(0).commands();
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

  /** How often each cluster client re-reads the topology even when nothing hinted at a change. */
  private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

  public static Future<Redis> connect(Vertx vertx, String uri, Duration commandTimeout, MeterRegistry registry) {
    RedisAddress address;
    try {
      address = RedisAddress.parse(uri);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    // timer, computation threads and the latency recorder are shared; only the event loop differs per connection
    ClientResources shared = ClientResources.builder()
        .commandLatencyRecorder(new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create()))
        .build();
    List<AbstractRedisClient> clients = new ArrayList<>();
    // connecting builds Lettuce's reflective proxies: seconds of CPU on a busy machine, so not on an event loop
    return vertx.executeBlocking(() -> {
          List<Pinned> pinned = new ArrayList<>();
          for (EventExecutor executor : ((VertxInternal) vertx).nettyEventLoopGroup()) {
            EventLoop loop = (EventLoop) executor;
            ClientResources resources = shared.mutate().eventLoopGroupProvider(new PinnedEventLoop(loop))
                .nettyCustomizer(ONE_FLUSH_PER_TURN).build();
            if (address.cluster()) {
              RedisClusterClient client = RedisClusterClient.create(resources, address.clusterSeeds());
              clients.add(client);
              client.setOptions(clusterOptions(commandTimeout));
              StatefulRedisClusterConnection<String, String> connection = client.connect(ExactUtf8Codec.INSTANCE);
              connectMasters(connection.getPartitions(), connection::getConnection);
              pinned.add(new Pinned(loop, client, resources, connection, connection.async()));
            } else {
              RedisClient client = RedisClient.create(resources, address.server());
              clients.add(client);
              client.setOptions(options(commandTimeout));
              var connection = client.connect(ExactUtf8Codec.INSTANCE, address.server());
              pinned.add(new Pinned(loop, client, resources, connection, connection.async()));
            }
          }
          return new Redis(vertx, shared, List.copyOf(pinned));
        })
        .onFailure(e -> {
          clients.forEach(AbstractRedisClient::shutdownAsync);
          shared.shutdown();
        });
  }

  private static ClientOptions options(Duration commandTimeout) {
    return ClientOptions.builder()
        .autoReconnect(true)
        // while Redis is down, fail at once instead of queueing commands until memory runs out
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build();
  }

  private static ClusterClientOptions clusterOptions(Duration commandTimeout) {
    return ClusterClientOptions.builder()
        .autoReconnect(true)
        // as standalone: a master that is down fails the commands for its slots at once
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        // MOVED, ASK and reconnects re-read the topology at once (at most every 5 s), the rest every 30 s
        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(TOPOLOGY_REFRESH)
            .enableAllAdaptiveRefreshTriggers()
            .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(5))
            .build())
        .build();
  }

  /**
   * Opens the connection to every master now. Lettuce (7.7, REJECT_COMMANDS) rejects a command whose master's
   * connection is still being opened, and opens them lazily: without this the first commands for each master on each
   * event loop failed ("Currently not connected"), and the first SSUBSCRIBE failed start-up. A master that appears
   * later is still opened on first use.
   */
  private static void connectMasters(Partitions partitions, BiConsumer<String, Integer> connect) {
    for (RedisClusterNode node : partitions) {
      if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) connect.accept(node.getUri().getHost(), node.getUri().getPort());
    }
  }

  public <T> Future<T> call(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
    Context context = Vertx.currentContext();
    RedisClusterAsyncCommands<String, String> commands = fallback;
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

  /** Whether this is a Redis Cluster ({@code redis-cluster://} or several seeds), where pub/sub should be sharded. */
  public boolean cluster() {
    return pinned.get(0).client() instanceof RedisClusterClient;
  }

  /**
   * A connection of its own for SUBSCRIBE (a subscribed connection takes no other commands), on the first event loop.
   * Lettuce subscribes again after a reconnect; messages published meanwhile are lost, so users keep a backstop.
   * On a cluster, SSUBSCRIBE on it goes to the node serving the channel's slot (see {@link Broadcast}).
   * Blocks while connecting: call it from a worker thread.
   */
  public StatefulRedisPubSubConnection<String, String> connectPubSub() {
    AbstractRedisClient client = pinned.get(0).client();
    if (client instanceof RedisClusterClient cluster) {
      StatefulRedisClusterPubSubConnection<String, String> connection = cluster.connectPubSub(ExactUtf8Codec.INSTANCE);
      connectMasters(connection.getPartitions(), connection::getConnection);
      return connection;
    }
    return ((RedisClient) client).connectPubSub(ExactUtf8Codec.INSTANCE);
  }

  /** Redis answers; on a cluster, every master answers (any one down leaves its slots without a home). */
  public Future<Void> ping() {
    return this.<Object>call(redis -> redis instanceof RedisAdvancedClusterAsyncCommands<String, String> cluster
        ? cluster.masters().commands().ping().thenApply(answers -> answers) : redis.ping().thenApply(answer -> answer))
        .mapEmpty();
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
