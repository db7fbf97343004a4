package cn.redlive.live;

import cn.redlive.core.Principal;
import cn.redlive.core.PrincipalCheck;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;

/**
 * Server-sent events: a session's counters about once a second and the new entries of its rolling feed, read from Redis on every tick, so any instance
 * can serve any viewer. Every stream is bounded, since a viewer that stops reading would otherwise make the kernel
 * hold what is written to it (200 stalled readers once held 43 MB and kept growing):
 * <ul>
 *   <li>a tick is skipped while the write queue is full, and a stream behind for {@link #BEHIND_TICKS} ticks in a
 *       row is closed;</li>
 *   <li>a stream ends after {@code live.streamBytes} bytes with a {@code reconnect} frame, so what any one connection can
 *       leave unread is bounded (the web app reconnects at once, without telling the viewer);</li>
 *   <li>a stream ends with {@code ended} when its session ends, and with {@code closed} (the refusal's slug) when its
 *       account is disabled or its token logged out or revoked.</li>
 * </ul>
 */
final class LivePush {

  static final long TICK_MS = 1_000;
  /** Vert.x's own buffer per stream; the kernel's send buffer comes on top of it. */
  static final int WRITE_QUEUE_BYTES = 64 * 1024;
  static final int BEHIND_TICKS = 5;

  private final Vertx vertx;
  private final LiveCounters counters;
  private final SessionCache sessions;
  private final PrincipalCheck principals;
  private final Clock clock;
  /** Bytes after which a stream ends with a reconnect frame (live.streamBytes). */
  private final long streamBytes;

  LivePush(Vertx vertx, LiveCounters counters, SessionCache sessions, PrincipalCheck principals, Clock clock,
           long streamBytes) {
    this.vertx = vertx;
    this.counters = counters;
    this.sessions = sessions;
    this.principals = principals;
    this.clock = clock;
    this.streamBytes = streamBytes;
  }

  void stream(RoutingContext rc, long sessionId, Principal viewer) {
    HttpServerResponse response = rc.response()
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    new Stream(response, sessionId, viewer).begin();
  }

  private final class Stream {
    private final HttpServerResponse response;
    private final long sessionId;
    private final Principal viewer;
    private long timer = -1;
    private long written;
    private int behind;
    private boolean finished;
    /** The seq of the newest feed entry this stream sent; -1 before its first feed frame. */
    private long feedSent = -1;

    Stream(HttpServerResponse response, long sessionId, Principal viewer) {
      this.response = response;
      this.sessionId = sessionId;
      this.viewer = viewer;
    }

    void begin() {
      send("retry: 2000\n\n");
      tick();
      timer = vertx.setPeriodic(TICK_MS, id -> tick());
      response.closeHandler(v -> stopTimer());
      response.exceptionHandler(e -> stopTimer());
    }

    private void tick() {
      if (finished || response.closed()) {
        stopTimer();
        return;
      }
      if (response.writeQueueFull()) {
        if (++behind >= BEHIND_TICKS) {
          finished = true;
          stopTimer();
          response.reset();
        }
        return;
      }
      behind = 0;
      principals.stillValid(viewer, false)
          .compose(valid -> sessions.get(sessionId))
          .onSuccess(found -> {
            if (found.isEmpty() || !found.get().isLive()) finish("ended", new JsonObject().put("sessionId", sessionId));
            else if (written >= streamBytes) finish("reconnect", new JsonObject());
            else pushCounters();
          })
          .onFailure(e -> {
            // a refused account ends the stream; a database that cannot answer right now does not
            if (e instanceof ProblemException refused) finish("closed", new JsonObject().put("reason", refused.problem().slug()));
            else frame("unavailable", "{}");
          });
    }

    private void pushCounters() {
      // both reads go out together (one round trip): the counters, then the feed entries this stream has not sent
      var snapshot = counters.snapshot(sessionId, clock.millis());
      var feed = counters.feed(sessionId, LiveFeed.SHOWN);
      Future.all(snapshot, feed)
          .onSuccess(done -> {
            frame("counters", snapshot.result().encode());
            pushFeed(LiveFeed.toJson(feed.result()));
          })
          .onFailure(e -> frame("unavailable", "{}"));
    }

    /**
     * Only the entries newer than the last one sent, so a busy session's stream carries each order once instead of
     * ten every second. The first frame (and one after Redis lost the feed and numbers again from 1) replaces what
     * the page shows.
     */
    private void pushFeed(JsonArray newestFirst) {
      long newest = newestFirst.isEmpty() ? 0 : newestFirst.getJsonObject(0).getLong("seq");
      boolean replace = feedSent < 0 || newest < feedSent;
      if (!replace && newest == feedSent) return;
      JsonArray items = new JsonArray();
      for (Object entry : newestFirst) {
        if (replace || ((JsonObject) entry).getLong("seq") > feedSent) items.add(entry);
      }
      feedSent = newest;
      frame("feed", new JsonObject().put("items", items).put("replace", replace).encode());
    }

    private void frame(String event, String data) {
      if (!finished && !response.closed() && !response.writeQueueFull()) send("event: " + event + "\ndata: " + data + "\n\n");
    }

    private void finish(String event, JsonObject data) {
      if (finished || response.closed()) return;
      frame(event, data.encode());
      finished = true;
      stopTimer();
      response.end();
    }

    private void send(String text) {
      Buffer bytes = Buffer.buffer(text);
      written += bytes.length();
      response.write(bytes);
    }

    private void stopTimer() {
      if (timer >= 0) vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
