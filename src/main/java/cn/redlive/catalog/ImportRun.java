package cn.redlive.catalog;

import cn.redlive.product.ProductBatchWriter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One import, run on a worker thread start to end, in one pass over the file: every row is checked as it is read
 * (errors go to the database in batches), and valid rows go to the staging table in chunks ({@link StagedRows}),
 * where SKUs repeated within the file are found. A dry run stops there; a commit then upserts the staged rows
 * chunk by chunk, set-based. The server holds one chunk at a time, so its memory does not grow with the file.
 */
final class ImportRun {

  private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
  /** Rows per staging INSERT and per upsert: few round trips, statements of a few hundred KB. */
  static final int STAGE_CHUNK = 1000;
  static final int WRITE_CHUNK = 2500;
  private static final int IN_FLIGHT = 2;
  private static final int PREVIEW_ROWS = 5;
  private static final int PROGRESS_EVERY = 2000;

  record Order(long jobId, long brandId, long uploaderId, boolean dryRun, Path file, String brandOrigin) {
  }

  private final ImportRepository repository;
  private final StagedRows staging;
  private final ProductBatchWriter writer;
  private final Order order;
  private final List<RowError> pendingErrors = new ArrayList<>();
  private int errorCount;
  private int failed;
  private long readAndStaged;

  ImportRun(ImportRepository repository, StagedRows staging, ProductBatchWriter writer, Order order) {
    this.repository = repository;
    this.staging = staging;
    this.writer = writer;
    this.order = order;
  }

  void run() {
    try {
      long started = System.nanoTime();
      FileSniffer.Facts facts = FileSniffer.sniff(order.file());
      int rows = validate(facts);
      long validated = System.nanoTime();
      if (!order.dryRun()) write(rows);
      await(repository.succeed(order.jobId()));
      log.info("catalog import {}: {} rows read and staged in {} ms, duplicates checked in {} ms, written in {} ms",
          order.jobId(), rows, (readAndStaged - started) / 1_000_000, (validated - readAndStaged) / 1_000_000,
          (System.nanoTime() - validated) / 1_000_000);
    } catch (ImportFailure failure) {
      await(repository.fail(order.jobId(), failure.code, failure.getMessage()));
    } catch (Exception e) {
      log.error("catalog import {} failed", order.jobId(), e);
      await(repository.fail(order.jobId(), "internal-error", "The import stopped unexpectedly; nothing more was written. "
          + "Upload the file again (re-uploading is safe)."));
    } finally {
      cleanUp();
    }
  }

  /** Reads the file once: errors reported, valid rows staged, then duplicates refused. Answers the row count. */
  private int validate(FileSniffer.Facts facts) throws IOException {
    JsonArray preview = new JsonArray();
    RowParser parser = new RowParser(order.brandOrigin());
    InFlight<Void> stagingWrites = new InFlight<>();
    ProgressNotes progress = new ProgressNotes();
    List<StagedRows.Staged> chunk = new ArrayList<>(STAGE_CHUNK);
    String skuColumn = Field.SKU.templateHeader;
    int index = 0;
    try (CountingStream in = open(); CatalogRows rows = rows(facts, in)) {
      await(repository.describe(order.jobId(), facts.format().name().toLowerCase(), facts.encodingName(), rows.layout()));
      SourceRow row;
      while ((row = rows.next()) != null) {
        RowParser.Parsed parsed = parser.parse(row);
        if (!parsed.ok()) {
          failed++;
          report(parsed.errors());
        } else {
          skuColumn = row.column(Field.SKU);
          chunk.add(new StagedRows.Staged(index, row.number(), parsed.fields()));
          if (preview.size() < PREVIEW_ROWS) preview.add(parsed.fields().toJson().put("row", row.number()));
        }
        index++;
        if (chunk.size() == STAGE_CHUNK) {
          stagingWrites.submit(staging.stage(order.jobId(), List.copyOf(chunk)), done -> { });
          chunk.clear();
        }
        if (index % PROGRESS_EVERY == 0) {
          long bytes = in.count;
          int done = index;
          progress.offer(() -> repository.validating(order.jobId(), bytes, done));
        }
      }
    }
    if (!chunk.isEmpty()) stagingWrites.submit(staging.stage(order.jobId(), List.copyOf(chunk)), done -> { });
    stagingWrites.drain();
    progress.settle();
    if (index == 0) throw new ImportFailure("no-rows", "The file has a header row but no product rows.");
    flushErrors();
    readAndStaged = System.nanoTime();
    // the refused rows come on the event loop while this thread waits; only as many as will be stored are kept
    int room = Math.max(0, ImportRepository.MAX_STORED_ERRORS - errorCount);
    List<RowError> duplicates = new ArrayList<>();
    int[] refused = {0};
    await(staging.refuseDuplicates(order.jobId(), skuColumn, error -> {
      if (refused[0]++ < room) duplicates.add(error);
    }));
    failed += refused[0];
    report(duplicates);
    errorCount += refused[0] - duplicates.size();
    flushErrors();
    await(repository.validated(order.jobId(), !order.dryRun(), index, failed, errorCount, preview));
    return index;
  }

  /** Upserts the staged rows in chunks of the file's order; progress after each. */
  private void write(int rows) {
    InFlight<ProductBatchWriter.Outcome> upserts = new InFlight<>();
    ProgressNotes progress = new ProgressNotes();
    int[] totals = new int[3];
    for (int from = 0; from < rows; from += WRITE_CHUNK) {
      int to = Math.min(rows, from + WRITE_CHUNK);
      upserts.submit(writer.upsertStaged(order.brandId(), order.uploaderId(), order.jobId(), from, to), outcome -> {
        totals[0] += outcome.inserted();
        totals[1] += outcome.updated();
        totals[2] += outcome.unchanged();
        int inserted = totals[0], updated = totals[1], unchanged = totals[2];
        progress.offer(() -> repository.written(order.jobId(), to, inserted, updated, unchanged));
      });
    }
    upserts.drain();
    progress.settle();
    await(repository.written(order.jobId(), rows, totals[0], totals[1], totals[2]));
  }

  private void cleanUp() {
    try {
      await(staging.clear(order.jobId()));
    } catch (RuntimeException e) {
      log.warn("could not clear the staged rows of import {}", order.jobId(), e);
    }
    try {
      Files.deleteIfExists(order.file());
    } catch (IOException e) {
      log.warn("could not delete upload {}", order.file());
    }
  }

  /**
   * Progress for the bar, written without making the import wait for it: a note is skipped while the previous one
   * is still on its way (the next one carries newer figures anyway), and {@link #settle} waits for the last one
   * so that it cannot overwrite the final figures written after it.
   */
  private static final class ProgressNotes {
    private Future<Void> last = Future.succeededFuture();

    void offer(java.util.function.Supplier<Future<Void>> note) {
      if (last.isComplete()) last = note.get();
    }

    void settle() {
      await(last);
    }
  }

  /**
   * Database writes kept in flight, at most {@link #IN_FLIGHT} at a time, so the database works on one while the
   * next is read and sent; completions are handled in submission order. Chunks hold disjoint rows and SKUs
   * (duplicates were refused before any upsert), so concurrent ones cannot conflict.
   */
  private static final class InFlight<T> {
    private record Pending<T>(Future<T> future, Consumer<T> then) {
    }

    private final Deque<Pending<T>> pending = new ArrayDeque<>();

    void submit(Future<T> future, Consumer<T> then) {
      if (pending.size() >= IN_FLIGHT) collect();
      pending.add(new Pending<>(future, then));
    }

    void drain() {
      while (!pending.isEmpty()) collect();
    }

    private void collect() {
      Pending<T> oldest = pending.poll();
      oldest.then().accept(await(oldest.future()));
    }
  }

  private void report(List<RowError> errors) {
    for (RowError error : errors) {
      errorCount++;
      if (errorCount <= ImportRepository.MAX_STORED_ERRORS) pendingErrors.add(error);
    }
    if (pendingErrors.size() >= 500) flushErrors();
  }

  private void flushErrors() {
    if (pendingErrors.isEmpty()) return;
    int firstSeq = errorCount - pendingErrors.size() + 1;
    if (errorCount > ImportRepository.MAX_STORED_ERRORS) firstSeq = ImportRepository.MAX_STORED_ERRORS - pendingErrors.size() + 1;
    await(repository.addErrors(order.jobId(), firstSeq, List.copyOf(pendingErrors)));
    pendingErrors.clear();
  }

  private CountingStream open() throws IOException {
    return new CountingStream(new BufferedInputStream(Files.newInputStream(order.file()), 64 * 1024));
  }

  /** CSV is read through {@code in} (counted for progress); XLSX from the file itself (a ZIP needs random access). */
  private CatalogRows rows(FileSniffer.Facts facts, InputStream in) throws IOException {
    RawRows raw = facts.format() == FileSniffer.Format.XLSX ? new XlsxRawRows(order.file()) : new CsvRawRows(in, facts);
    return CatalogRows.open(raw);
  }

  /** A worker thread may wait for the event loop's database work; never call this on an event loop. */
  static <T> T await(Future<T> future) {
    if (io.vertx.core.Context.isOnEventLoopThread()) {
      throw new IllegalStateException("ImportRun.await would block an event loop");
    }
    try {
      return future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Bytes read so far, for the progress bar while validating. */
  private static final class CountingStream extends FilterInputStream {
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) count += n;
      return n;
    }
  }
}
