package cn.redlive.platform;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Tells every instance something at once, through Redis pub/sub, and answers when every instance subscribed has
 * applied it: each one acknowledges on a second channel, and {@link #publish} waits for as many acknowledgements as
 * PUBLISH reached subscribers (at most {@link #ACK_WAIT_MS}, then it answers anyway). So a client that sees the
 * answer cannot then reach an instance that has not heard it. Lost messages (a subscriber reconnecting) are not
 * replayed: what is broadcast must also be in PostgreSQL, which instances re-read as a backstop.
 * <p>
 * On a Redis Cluster it uses sharded pub/sub (SSUBSCRIBE, SPUBLISH): PUBLISH there reaches every node's subscribers
 * but counts only those of the node that took it, so instances subscribed elsewhere would not be waited for. A shard
 * channel has one home, the master of its slot, where every instance subscribes and whose SPUBLISH count is exact.
 * A slot moved to another master unsubscribes its subscribers (Lettuce does not follow it): the backstop covers that.
 */
public final class Broadcast {

  private static final Logger log = LoggerFactory.getLogger(Broadcast.class);
  public static final long ACK_WAIT_MS = 1000;

  private record Pending(Promise<Void> done, AtomicInteger acks, AtomicInteger expected) {
    void check() {
      int wanted = expected.get();
      if (wanted >= 0 && acks.get() >= wanted) done.tryComplete();
    }
  }

  private final Vertx vertx;
  private final Redis redis;
  private final String channel;
  private final String ackChannel;
  private final boolean sharded;
  private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
  private volatile Consumer<String> receiver = message -> { };

  private Broadcast(Vertx vertx, Redis redis, String channel) {
    this.vertx = vertx;
    this.redis = redis;
    this.channel = channel;
    this.ackChannel = channel + ":ack";
    this.sharded = redis.cluster();
  }

  /** Subscribes to {@code channel}; messages go to the receiver set with {@link #onMessage} (until then, dropped). */
  public static Future<Broadcast> start(Vertx vertx, Redis redis, String channel) {
    Broadcast broadcast = new Broadcast(vertx, redis, channel);
    return vertx.executeBlocking(() -> {
      StatefulRedisPubSubConnection<String, String> connection = redis.connectPubSub();
      connection.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String from, String message) {
          broadcast.received(from, message);
        }

        @Override
        public void smessage(String from, String message) {
          broadcast.received(from, message);
        }
      });
      if (broadcast.sharded) {
        // one command per channel: the two lie in different slots, and each goes to its own slot's master
        connection.sync().ssubscribe(broadcast.channel);
        connection.sync().ssubscribe(broadcast.ackChannel);
      } else {
        connection.sync().subscribe(broadcast.channel, broadcast.ackChannel);
      }
      return broadcast;
    });
  }

  /** Runs on a Redis I/O thread: keep it short and thread-safe. */
  public void onMessage(Consumer<String> receiver) {
    this.receiver = receiver;
  }

  /** Completes once every subscribed instance (this one included) applied the message, or after a second. */
  public Future<Void> publish(String message) {
    String nonce = UUID.randomUUID().toString();
    Context context = vertx.getOrCreateContext();
    Pending waiting = new Pending(Promise.promise(), new AtomicInteger(), new AtomicInteger(-1));
    pending.put(nonce, waiting);
    long timer = vertx.setTimer(ACK_WAIT_MS, id -> {
      if (waiting.done().tryComplete()) {
        log.warn("broadcast {} acknowledged by {} of {} instances within {} ms", message, waiting.acks().get(),
            waiting.expected().get(), ACK_WAIT_MS);
      }
    });
    send(channel, nonce + " " + message)
        .onSuccess(reached -> {
          waiting.expected().set(reached.intValue());
          waiting.check();
        })
        .onFailure(waiting.done()::tryFail);
    Promise<Void> answer = Promise.promise();
    waiting.done().future().onComplete(done -> {
      vertx.cancelTimer(timer);
      pending.remove(nonce);
      context.runOnContext(v -> answer.handle(done));
    });
    return answer.future();
  }

  private void received(String from, String message) {
    int space = message.indexOf(' ');
    if (from.equals(ackChannel)) {
      Pending waiting = pending.get(message);
      if (waiting != null) {
        waiting.acks().incrementAndGet();
        waiting.check();
      }
      return;
    }
    if (space < 0) return;
    try {
      receiver.accept(message.substring(space + 1));
    } catch (RuntimeException e) {
      log.error("broadcast {} could not be applied", message, e);
    }
    send(ackChannel, message.substring(0, space));
  }

  /** PUBLISH, or SPUBLISH on a cluster; answers how many subscribers it reached. */
  private Future<Long> send(String to, String message) {
    return redis.call(commands -> sharded ? commands.spublish(to, message) : commands.publish(to, message));
  }
}
