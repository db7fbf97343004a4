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
 */
public final class Broadcast {

  private static final Logger log = LoggerFactory.getLogger(Broadcast.class);
  static final long ACK_WAIT_MS = 1000;

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
  private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
  private volatile Consumer<String> receiver = message -> { };

  private Broadcast(Vertx vertx, Redis redis, String channel) {
    this.vertx = vertx;
    this.redis = redis;
    this.channel = channel;
    this.ackChannel = channel + ":ack";
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
      });
      connection.sync().subscribe(broadcast.channel, broadcast.ackChannel);
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
    redis.call(commands -> commands.publish(channel, nonce + " " + message))
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
    redis.call(commands -> commands.publish(ackChannel, message.substring(0, space)));
  }
}
