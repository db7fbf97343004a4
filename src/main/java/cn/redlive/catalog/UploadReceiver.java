package cn.redlive.catalog;

import cn.redlive.core.Problem;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Streams a request body to a temporary file with back-pressure, refusing it (413) as soon as it passes the
 * limit, so a 50 MB catalog never sits in memory.
 */
final class UploadReceiver {

  static final long MAX_BYTES = 50L * 1024 * 1024;
  /**
   * The body arrives in chunks of 8 KB; each file write is a trip to a file thread and back to the event loop, so
   * chunks are gathered and written 256 KB at a time (a 14 MB catalog: 56 writes instead of ~1,800).
   */
  private static final int WRITE_SIZE = 256 * 1024;

  record Received(Path file, long bytes) {
  }

  private final Vertx vertx;
  private final Path directory;

  UploadReceiver(Vertx vertx, Path directory) {
    this.vertx = vertx;
    this.directory = directory;
  }

  Future<Received> receive(HttpServerRequest request) {
    String declared = request.getHeader("Content-Length");
    if (declared != null && parse(declared) > MAX_BYTES) {
      drain(request);
      return Future.failedFuture(tooLarge());
    }
    // curl and other clients wait (about a second) for this before sending a large body
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) request.response().writeContinue();
    Path file = directory.resolve("upload-" + UUID.randomUUID());
    return vertx.fileSystem().mkdirs(directory.toString())
        .compose(v -> vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setCreateNew(true)))
        .compose(out -> copy(request, out, file));
  }

  private Future<Received> copy(HttpServerRequest request, AsyncFile out, Path file) {
    Promise<Received> done = Promise.promise();
    long[] bytes = {0};
    Buffer[] pending = {Buffer.buffer(WRITE_SIZE)};
    request.handler(chunk -> {
      if (done.future().isComplete()) return;
      bytes[0] += chunk.length();
      if (bytes[0] > MAX_BYTES) {
        discard(out, file);
        drain(request);
        done.tryFail(tooLarge());
        return;
      }
      pending[0].appendBuffer(chunk);
      if (pending[0].length() < WRITE_SIZE) return;
      out.write(pending[0]);
      pending[0] = Buffer.buffer(WRITE_SIZE);
      if (out.writeQueueFull()) {
        request.pause();
        out.drainHandler(v -> request.resume());
      }
    });
    request.exceptionHandler(e -> {
      discard(out, file);
      done.tryFail(ProblemException.badRequest("upload-interrupted", "The upload was interrupted."));
    });
    request.endHandler(v -> {
      if (done.future().isComplete()) return;
      if (pending[0].length() > 0) out.write(pending[0]);
      out.close().onComplete(closed -> {
        if (closed.succeeded()) done.tryComplete(new Received(file, bytes[0]));
        else done.tryFail(closed.cause());
      });
    });
    request.resume();
    return done.future();
  }

  /**
   * Reads and drops the rest of a refused body, so the client gets to read our 413 (a client still sending would
   * not); the answer carries Connection: close, and a sender that keeps going far past the limit is cut off.
   */
  private static void drain(HttpServerRequest request) {
    long[] dropped = {0};
    request.handler(chunk -> {
      dropped[0] += chunk.length();
      if (dropped[0] > 2 * MAX_BYTES) request.connection().close();
    });
    request.resume();
  }

  private void discard(AsyncFile out, Path file) {
    out.close().onComplete(v -> vertx.fileSystem().delete(file.toString()));
  }

  private static long parse(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static ProblemException tooLarge() {
    return new ProblemException(new Problem("file-too-large", "Payload too large", 413,
        "A catalog file may be at most 50 MB (or 100,000 rows); split it and upload the parts.", List.of()),
        java.util.Map.of("Connection", "close"));
  }
}
