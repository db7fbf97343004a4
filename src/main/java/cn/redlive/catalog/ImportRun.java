package cn.redlive.catalog;

import cn.redlive.product.ProductBatchRepository;
import cn.redlive.product.ProductFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * One import, run on a worker thread start to end, in one pass over the file: every row is checked as it is read
 * (errors go to the database in batches), and a commit upserts the valid rows into products in the same pass,
 * chunk by chunk, in one transaction ({@link ProductWrites}) that is committed only when the file has no repeated
 * SKU ({@link SkuFingerprints}). A file that may have one (rare: it is a mistake in the file) has its SKUs staged
 * and checked exactly ({@link StagedRowRepository}) in a second pass; its writes are rolled back and done again in a third
 * pass without the refused rows. Writes that met a SKU someone else inserted meanwhile are rolled back and done again
 * as upserts in the same way ({@link ProductWrites.Mode}). The server holds one chunk at a time and a fixed-size
 * table of fingerprints, so its memory does not grow with the file.
 */
final class ImportRun {

  private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
  /** Rows per staging INSERT and per upsert: few round trips, statements of a few hundred KB. */
  static final int CHUNK = 2500;
  private static final int IN_FLIGHT = 2;
  private static final int PREVIEW_ROWS = 5;
  private static final int PROGRESS_EVERY = 2000;

  record Order(long jobId, long brandId, long uploaderId, boolean dryRun, Path file, String brandOrigin) {
  }

  private final ImportRepository repository;
  private final StagedRowRepository staging;
  private final Pool pool;
  private final Order order;
  private final List<RowError> pendingErrors = new ArrayList<>();
  private int errorCount;
  private int failed;
  private long read;
  private ProductWrites writes;

  ImportRun(ImportRepository repository, StagedRowRepository staging, Pool pool, Order order) {
    this.repository = repository;
    this.staging = staging;
    this.pool = pool;
    this.order = order;
  }

  void run() {
    try {
      long started = System.nanoTime();
      FileSniffer.Facts facts = FileSniffer.sniff(order.file());
      if (!order.dryRun()) {
        writes = ProductWrites.begin(pool, ProductWrites.Mode.INSERT_OR_UPDATE, order.brandId(), order.uploaderId());
      }
      Pass pass = validate(facts);
      long validated = System.nanoTime();
      if (!order.dryRun()) {
        if (!pass.written()) {
          writes.rollBack();
          writes = ProductWrites.begin(pool, ProductWrites.Mode.UPSERT, order.brandId(), order.uploaderId());
          writeAgain(facts, pass.rows(), pass.staged());
        }
        ProductBatchRepository.Outcome outcome = writes.commit();
        await(repository.written(order.jobId(), pass.rows(), outcome.inserted(), outcome.updated(), outcome.unchanged()));
      }
      await(repository.succeed(order.jobId()));
      log.info("catalog import {}: {} rows read{} in {} ms, duplicates checked and writes finished in {} ms, {} in {} ms",
          order.jobId(), pass.rows(), order.dryRun() ? "" : " and written", (read - started) / 1_000_000, (validated - read) / 1_000_000,
          order.dryRun() ? "finished" : pass.written() ? "committed" : pass.staged() ? "written again without duplicates"
              : "written again as upserts (a SKU was inserted meanwhile)",
          (System.nanoTime() - validated) / 1_000_000);
    } catch (ImportFailure failure) {
      rollBack();
      await(repository.fail(order.jobId(), failure.code, failure.getMessage()));
    } catch (Exception e) {
      log.error("catalog import {} failed", order.jobId(), e);
      rollBack();
      await(repository.fail(order.jobId(), "internal-error", "The import stopped unexpectedly; nothing was written. "
          + "Upload the file again (re-uploading is safe)."));
    } finally {
      cleanUp();
    }
  }

  /**
   * How many data rows the file has, whether the products of the valid ones are written (not yet committed), and
   * whether its SKUs were staged (the file may repeat one: only the rows still staged are to be written).
   */
  private record Pass(int rows, boolean written, boolean staged) {
  }

  /**
   * Reads the file once: errors reported and, for a commit, valid rows written chunk by chunk. SKU fingerprints tell
   * whether the file may repeat a SKU; only then does the exact check run (a second pass stages the SKUs in the
   * database) and writing stops, since the writes are then rolled back and done again without the refused rows.
   */
  private Pass validate(FileSniffer.Facts facts) throws IOException {
    JsonArray preview = new JsonArray();
    RowParser parser = new RowParser(order.brandOrigin());
    SkuFingerprints fingerprints = new SkuFingerprints();
    ProgressNotes progress = new ProgressNotes();
    List<ProductFields> chunk = new ArrayList<>(CHUNK);
    String skuColumn = Field.SKU.templateHeader;
    boolean maybeRepeated = false;
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
          if (fingerprints.add(parsed.fields().sku()) != SkuFingerprints.Seen.NEW) maybeRepeated = true;
          chunk.add(parsed.fields());
          if (preview.size() < PREVIEW_ROWS) preview.add(parsed.fields().toJson().put("row", row.number()));
        }
        index++;
        if (chunk.size() == CHUNK) {
          write(chunk, maybeRepeated);
          chunk.clear();
        }
        if (index % PROGRESS_EVERY == 0) {
          long bytes = in.count;
          int done = index;
          progress.offer(() -> repository.validating(order.jobId(), bytes, done));
        }
      }
    }
    if (!chunk.isEmpty()) write(chunk, maybeRepeated);
    progress.settle();
    if (index == 0) throw new ImportFailure("no-rows", "The file has a header row but no product rows.");
    flushErrors();
    read = System.nanoTime();
    if (maybeRepeated) refuseDuplicates(facts, skuColumn);
    await(repository.validated(order.jobId(), !order.dryRun(), index, failed, errorCount, preview));
    return new Pass(index, writes != null && !maybeRepeated && writes.allWritten(), maybeRepeated);
  }

  /** Upserts a chunk while the file is still known to repeat no SKU (a SKU twice would fail the statement). */
  private void write(List<ProductFields> chunk, boolean maybeRepeated) {
    if (writes != null && !maybeRepeated) writes.write(List.copyOf(chunk));
  }

  /**
   * The exact check: stages every valid row's SKU (a second pass over the file), then refuses the rows whose SKU
   * the file holds more than once, reporting them like any other row error.
   */
  private void refuseDuplicates(FileSniffer.Facts facts, String skuColumn) throws IOException {
    RowParser parser = new RowParser(order.brandOrigin());
    InFlight<Void> stagingWrites = new InFlight<>(IN_FLIGHT);
    List<StagedRowRepository.Staged> chunk = new ArrayList<>(CHUNK);
    eachRow(facts, (index, row) -> {
      RowParser.Parsed parsed = parser.parse(row);
      if (parsed.ok()) chunk.add(new StagedRowRepository.Staged(index, row.number(), parsed.fields()));
      if (chunk.size() == CHUNK) {
        stagingWrites.submit(staging.stage(order.jobId(), List.copyOf(chunk)), done -> { });
        chunk.clear();
      }
    });
    if (!chunk.isEmpty()) stagingWrites.submit(staging.stage(order.jobId(), chunk), done -> { });
    stagingWrites.drain();
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
  }

  /**
   * The pass after the first one's writes were rolled back: reads the file again and upserts its valid rows, or,
   * when its SKUs were staged, the rows still staged (the valid ones that were not refused as duplicates), chunk by
   * chunk of the file's positions; progress after each.
   */
  private void writeAgain(FileSniffer.Facts facts, int total, boolean staged) throws IOException {
    RowParser parser = new RowParser(order.brandOrigin());
    ProgressNotes progress = new ProgressNotes();
    List<ProductFields> chunk = new ArrayList<>(CHUNK);
    List<Set<Integer>> kept = new ArrayList<>(List.of(staged ? await(staging.kept(order.jobId(), 0, CHUNK)) : Set.of()));
    int rows = eachRow(facts, (index, row) -> {
      if (!staged || kept.get(0).contains(index)) {
        RowParser.Parsed parsed = parser.parse(row);
        if (parsed.ok()) chunk.add(parsed.fields());
      }
      int next = index + 1;
      if (next % CHUNK == 0) {
        if (!chunk.isEmpty()) writes.write(List.copyOf(chunk));
        chunk.clear();
        if (staged) kept.set(0, await(staging.kept(order.jobId(), next, next + CHUNK)));
        ProductBatchRepository.Outcome soFar = writes.soFar();
        progress.offer(() -> repository.written(order.jobId(), next, soFar.inserted(), soFar.updated(), soFar.unchanged()));
      }
    });
    if (!chunk.isEmpty()) writes.write(List.copyOf(chunk));
    progress.settle();
    if (rows != total) throw new IllegalStateException("the file changed between passes: " + total + " rows, then " + rows);
  }

  private interface RowVisitor {
    void visit(int index, SourceRow row) throws IOException;
  }

  /** Reads the file's data rows in order, each with its position (0-based); answers how many there were. */
  private int eachRow(FileSniffer.Facts facts, RowVisitor visitor) throws IOException {
    int index = 0;
    try (CountingStream in = open(); CatalogRows rows = rows(facts, in)) {
      SourceRow row;
      while ((row = rows.next()) != null) visitor.visit(index++, row);
    }
    return index;
  }

  private void rollBack() {
    if (writes == null) return;
    try {
      writes.rollBack();
    } catch (RuntimeException e) {
      log.warn("could not roll back the writes of import {}", order.jobId(), e);
    }
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
    RawRows raw = facts.format() == FileSniffer.Format.XLSX ? new XlsxRawRows(order.file())
        : new CsvRawRows(in, facts, order.file());
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
