package cn.redlive.tools;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The load generators' side of HTTP/1.1: keep-alive connections that each carry one POST at a time, with the
 * request head encoded once and only the body and its length written per request; the answer is read as far as its
 * status and Content-Length. The generator shares the two cores with the server it measures, and the general
 * HTTP client (request and header objects, a pool, a chain of futures per request) cost it more CPU per request
 * than the server spent answering a one-event batch: what the generator burns, the server cannot use. The bytes
 * on the wire are those of any HTTP/1.1 client (wrk sends the same), so the server does the same work.
 */
final class RawHttp {

  private final NetClient client;
  private final int port;
  private final byte[] head;
  private final int maxConnections;
  /** Guards idle, waiting and opened: requests come from every event loop. */
  private final Object lock = new Object();
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final ArrayDeque<Request> waiting = new ArrayDeque<>();
  private int opened;

  private record Request(Buffer body, Promise<Integer> status) {
  }

  /** POSTs to {@code path} with a bearer token and JSON bodies, over up to {@code maxConnections} connections. */
  RawHttp(Vertx vertx, int port, String path, String token, int maxConnections) {
    this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    this.port = port;
    this.maxConnections = maxConnections;
    this.head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  /** Opens {@code count} connections ahead of the measurement, so it does not time their handshakes. */
  Future<Void> open(int count) {
    synchronized (lock) {
      opened += count;
    }
    List<Future<Connection>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) all.add(connect());
    return Future.all(all).onSuccess(v -> all.forEach(c -> release(c.result()))).mapEmpty();
  }

  /** Sends a POST with this body on the first free connection (opening one if allowed); completes with the status. */
  Future<Integer> post(Buffer body) {
    Promise<Integer> status = Promise.promise();
    Connection free;
    boolean open = false;
    synchronized (lock) {
      free = idle.poll();
      if (free == null) {
        waiting.add(new Request(body, status));
        if (opened < maxConnections) {
          opened++;
          open = true;
        }
      }
    }
    if (free != null) free.send(new Request(body, status));
    if (open) connect().onSuccess(this::release).onFailure(this::failOne);
    return status.future();
  }

  private Future<Connection> connect() {
    return client.connect(port, "127.0.0.1").map(Connection::new);
  }

  /** A connection whose request was answered takes the next waiting one or becomes idle. */
  private void release(Connection connection) {
    Request next;
    synchronized (lock) {
      next = waiting.poll();
      if (next == null) idle.add(connection);
    }
    if (next != null) connection.send(next);
  }

  private void failOne(Throwable e) {
    Request request;
    synchronized (lock) {
      opened--;
      request = waiting.poll();
    }
    if (request != null) request.status().fail(e);
  }

  /** One keep-alive connection; reads the answer to its single outstanding request. */
  private final class Connection {

    private final NetSocket socket;
    private Buffer received = Buffer.buffer();
    private Promise<Integer> answer;
    private int status = -1;
    private int bodyStart = -1;
    private int contentLength = -1;

    Connection(NetSocket socket) {
      this.socket = socket;
      socket.handler(this::onData);
      socket.closeHandler(v -> {
        synchronized (lock) {
          idle.remove(this);
          opened--;
        }
        if (answer != null) answer.tryFail("connection closed");
      });
    }

    void send(Request request) {
      answer = request.status();
      byte[] length = (request.body().length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      socket.write(Buffer.buffer(head.length + length.length + request.body().length())
          .appendBytes(head).appendBytes(length).appendBuffer(request.body()));
    }

    private void onData(Buffer data) {
      received.appendBuffer(data);
      if (bodyStart < 0 && !parseHead()) return;
      if (received.length() < bodyStart + contentLength) return;
      Promise<Integer> done = answer;
      int code = status;
      received = received.length() == bodyStart + contentLength ? Buffer.buffer()
          : received.getBuffer(bodyStart + contentLength, received.length());
      answer = null;
      status = -1;
      bodyStart = -1;
      contentLength = -1;
      release(this);
      done.complete(code);
    }

    /** Finds the status and Content-Length once the head is complete; false while it is not. */
    private boolean parseHead() {
      String text = received.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) return false;
      status = Integer.parseInt(text.substring(9, 12));
      contentLength = 0;
      for (String line : text.substring(0, end).split("\r\n")) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) contentLength = Integer.parseInt(line.substring(15).trim());
        if (line.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
          throw new IllegalStateException("chunked answers are not expected here");
        }
      }
      bodyStart = end + 4;
      return true;
    }
  }
}
