package cn.redlive.tools;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import org.HdrHistogram.Histogram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator of scripts/bench/ingest. Modes:
 * <pre>
 *   max    PORT TOKEN SESSION PRODUCT SECONDS CONNECTIONS EVENTS   closed loop: batches/s and events/s (after a
 *                                                                 three-second unmeasured warm-up)
 *   rate   PORT TOKEN SESSION PRODUCT SECONDS BATCHES_PER_S EVENTS open loop at a fixed rate: p50/p99 from the
 *                                                                 intended send time (no coordinated omission)
 *   push   PORT TOKEN SESSION PRODUCT SAMPLES MANAGER_TOKEN         delay from a batch's acknowledgement to the
 *                                                                 SSE frame that shows it
 * </pre>
 * Each connection is its own producer with its own sequence, as a real ingest client would be. A batch mixes
 * heartbeats, joins, likes, follows, comments and two orders per 100 events.
 */
public final class IngestLoad {

  private final Vertx vertx = Vertx.vertx();
  /** For the SSE stream of push mode; batches go through {@link #posts}. */
  private final HttpClient client;
  private final RawHttp posts;
  private final long session;
  private final long product;
  private final AtomicLong orderIds = new AtomicLong(System.nanoTime());
  /** Picks each event's kind, so single-event requests get the same mix as batches (2% orders). */
  private final AtomicLong eventCounter = new AtomicLong();

  private IngestLoad(int port, String token, long session, long product, int connections) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    this.posts = new RawHttp(vertx, port, "/api/v1/live/events", token, connections);
    this.session = session;
    this.product = product;
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int port = Integer.parseInt(args[1]);
    String token = args[2];
    long session = Long.parseLong(args[3]);
    long product = Long.parseLong(args[4]);
    switch (mode) {
      case "max" -> {
        int seconds = Integer.parseInt(args[5]);
        int connections = Integer.parseInt(args[6]);
        int events = Integer.parseInt(args[7]);
        new IngestLoad(port, token, session, product, connections).max(seconds, connections, events);
      }
      case "rate" -> {
        int seconds = Integer.parseInt(args[5]);
        int rate = Integer.parseInt(args[6]);
        int events = Integer.parseInt(args[7]);
        new IngestLoad(port, token, session, product, 256).rate(seconds, rate, events);
      }
      case "push" -> new IngestLoad(port, token, session, product, 4).push(Integer.parseInt(args[5]), args[6]);
      default -> throw new IllegalArgumentException("mode " + mode);
    }
    System.exit(0);
  }

  /**
   * One batch as JSON text, written straight into a StringBuilder: the generator shares the machine's two cores
   * with the server, so it should not spend them building a JsonObject per event. Ids are plain ASCII, so no
   * escaping is needed.
   */
  private Buffer batch(String producer, long sequence, int size) {
    StringBuilder b = new StringBuilder(64 + size * 120);
    b.append("{\"producerId\":\"").append(producer).append("\",\"sequence\":").append(sequence).append(",\"events\":[");
    for (int i = 0; i < size; i++) {
      if (i > 0) b.append(',');
      b.append("{\"eventId\":\"").append(producer).append('-').append(sequence).append('-').append(i)
          .append("\",\"sessionId\":").append(session);
      int kind = (int) (eventCounter.getAndIncrement() % 50);
      if (kind == 0) {
        b.append(",\"type\":\"order\",\"orderId\":\"o").append(orderIds.incrementAndGet()).append("\",\"productId\":")
            .append(product).append(",\"quantity\":1,\"amountFen\":4990,\"buyerId\":\"b").append(sequence * 7 + i).append('"');
      } else if (kind < 30) {
        b.append(",\"type\":\"heartbeat\",\"viewerId\":\"v").append((sequence * size + i) % 20_000).append('"');
      } else if (kind < 35) {
        b.append(",\"type\":\"viewer_join\",\"viewerId\":\"v").append((sequence * 31 + i) % 50_000).append('"');
      } else if (kind < 45) {
        b.append(",\"type\":\"like\",\"count\":3");
      } else if (kind < 47) {
        b.append(",\"type\":\"follow\"");
      } else {
        b.append(",\"type\":\"comment\"");
      }
      b.append('}');
    }
    return Buffer.buffer(b.append("]}").toString());
  }

  private Future<Integer> send(Buffer body) {
    return posts.post(body);
  }

  /**
   * Closed loop for SECONDS after an unmeasured warm-up of {@link #WARM_UP_SECONDS} at the same load: each run is a
   * fresh JVM, and its own class loading and JIT (seconds of CPU on two busy cores) are not the server's throughput.
   */
  private void max(int seconds, int connections, int eventsPerBatch) throws Exception {
    posts.open(connections).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    Window window = new Window(measureFrom, end, new Histogram(3_600_000_000L, 3), new CountDownLatch(connections));
    String run = Long.toString(System.nanoTime(), 36);
    for (int c = 0; c < connections; c++) {
      loop("max-" + run + "-" + c, 1, eventsPerBatch, window);
    }
    window.done().await();
    double elapsed = (System.nanoTime() - measureFrom) / 1e9;
    double batchesPerSecond = window.batches().get() / elapsed;
    System.out.printf("max: batches_per_s=%.0f events_per_s=%.0f p50_ms=%.2f p99_ms=%.2f failures=%d%n",
        batchesPerSecond, batchesPerSecond * eventsPerBatch, window.latency().getValueAtPercentile(50) / 1e6,
        window.latency().getValueAtPercentile(99) / 1e6, window.failures().get());
  }

  static final int WARM_UP_SECONDS = 3;

  /** The measured part of a closed-loop run: only batches sent from {@code from} on count. */
  private record Window(long from, long end, Histogram latency, CountDownLatch done, AtomicLong batches,
                        AtomicLong failures) {
    Window(long from, long end, Histogram latency, CountDownLatch done) {
      this(from, end, latency, done, new AtomicLong(), new AtomicLong());
    }
  }

  private void loop(String producer, long sequence, int size, Window window) {
    if (System.nanoTime() >= window.end()) {
      window.done().countDown();
      return;
    }
    Buffer body = batch(producer, sequence, size);
    long sent = System.nanoTime();
    send(body).onComplete(result -> {
      if (sent >= window.from()) {
        Histogram latency = window.latency();
        synchronized (latency) {
          latency.recordValue(Math.min(System.nanoTime() - sent, latency.getHighestTrackableValue()));
        }
        if (result.succeeded() && result.result() == 200) window.batches().incrementAndGet();
        else window.failures().incrementAndGet();
      }
      loop(producer, sequence + 1, size, window);
    });
  }

  private void rate(int seconds, int batchesPerSecond, int eventsPerBatch) throws InterruptedException {
    // OpenLoop sends its unmeasured warm-up first: one body for each of those requests too
    int total = (OpenLoop.WARM_UP_SECONDS + seconds) * batchesPerSecond;
    String run = Long.toString(System.nanoTime(), 36);
    int producers = 64;
    long[] sequences = new long[producers];
    // bodies are built before the clock starts, so building them does not eat into the schedule
    Buffer[] bodies = new Buffer[total];
    for (int i = 0; i < total; i++) {
      int p = i % producers;
      bodies[i] = batch("rate-" + run + "-" + p, ++sequences[p], eventsPerBatch);
    }
    // ...and moved out of the young generation before it starts: otherwise a collection during the run copies the
    // ones still there (up to 100 MB at the rates measured), and that pause of the generator counts as the
    // server's latency
    System.gc();
    OpenLoop.Result result = OpenLoop.run(vertx, seconds, batchesPerSecond, i -> send(bodies[i]));
    System.out.printf("rate: batches_per_s=%d p50_ms=%.2f p99_ms=%.2f failures=%d%n", batchesPerSecond,
        result.p50Ms(), result.p99Ms(), result.failures());
  }

  /** Sends one like at a time and waits for the SSE frame that includes it. */
  private void push(int samples, String managerToken) throws Exception {
    Histogram delay = new Histogram(3_600_000_000L, 3);
    AtomicLong seenLikes = new AtomicLong(-1);
    AtomicLong expected = new AtomicLong(Long.MAX_VALUE);
    AtomicLong ackAt = new AtomicLong();
    CountDownLatch[] arrived = {new CountDownLatch(1)};
    client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/v1/live/sessions/" + session + "/stream")
            .putHeader("Authorization", "Bearer " + managerToken))
        .compose(request -> request.send())
        .onSuccess(response -> RecordParser.newDelimited("\n\n", response).handler(frame -> {
          String text = frame.toString();
          if (!text.startsWith("event: counters")) return;
          long likes = new JsonObject(text.substring(text.indexOf("data: ") + 6)).getLong("likes");
          seenLikes.set(likes);
          if (likes >= expected.get()) {
            synchronized (delay) {
              delay.recordValue(Math.max(0, System.nanoTime() - ackAt.get()));
            }
            expected.set(Long.MAX_VALUE);
            arrived[0].countDown();
          }
        }));
    while (seenLikes.get() < 0) Thread.sleep(50);
    String producer = "push-" + Long.toString(System.nanoTime(), 36);
    for (int i = 1; i <= samples; i++) {
      arrived[0] = new CountDownLatch(1);
      long before = seenLikes.get();
      JsonObject like = new JsonObject().put("eventId", producer + "-" + i).put("sessionId", session)
          .put("type", "like").put("count", 1);
      Buffer body = new JsonObject().put("producerId", producer).put("sequence", i)
          .put("events", new JsonArray().add(like)).toBuffer();
      send(body).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      ackAt.set(System.nanoTime());
      expected.set(before + 1);
      if (seenLikes.get() >= before + 1 && arrived[0].getCount() == 1) {
        // a frame carried it between the acknowledgement and this line: delivered at once
        expected.set(Long.MAX_VALUE);
        synchronized (delay) {
          delay.recordValue(0);
        }
        arrived[0].countDown();
      }
      arrived[0].await(10, TimeUnit.SECONDS);
      Thread.sleep(137 + (i * 53) % 400);
    }
    System.out.printf("push: samples=%d p50_ms=%.0f p99_ms=%.0f%n", samples,
        delay.getValueAtPercentile(50) / 1e6, delay.getValueAtPercentile(99) / 1e6);
  }
}
