package cn.redlive.catalog;

import cn.redlive.product.ProductBatchWriter;
import cn.redlive.product.ProductFields;
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
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * One import, run on a worker thread start to end. Pass 1 reads the file as a stream and checks every row
 * (errors go to the database in batches, never pile up in memory); a dry run stops there. Pass 2 of a commit
 * reads the file again and upserts the valid rows in batches. Memory grows only with a bit per row and the
 * SKU-to-row map needed to find duplicates.
 */
final class ImportRun {

  private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
  static final int BATCH = 2000;
  private static final int IN_FLIGHT = 2;
  private static final int PREVIEW_ROWS = 5;
  private static final int PROGRESS_EVERY = 2000;

  record Order(long jobId, long brandId, long uploaderId, boolean dryRun, Path file, String brandOrigin) {
  }

  private final ImportRepository repository;
  private final ProductBatchWriter writer;
  private final Order order;
  private final List<RowError> pendingErrors = new ArrayList<>();
  private int errorCount;

  ImportRun(ImportRepository repository, ProductBatchWriter writer, Order order) {
    this.repository = repository;
    this.writer = writer;
    this.order = order;
  }

  void run() {
    try {
      long started = System.nanoTime();
      FileSniffer.Facts facts = FileSniffer.sniff(order.file());
      BitSet bad = validate(facts);
      long validated = System.nanoTime();
      if (!order.dryRun()) write(facts, bad);
      await(repository.succeed(order.jobId()));
      log.info("catalog import {}: validated in {} ms, written in {} ms", order.jobId(),
          (validated - started) / 1_000_000, (System.nanoTime() - validated) / 1_000_000);
    } catch (ImportFailure failure) {
      await(repository.fail(order.jobId(), failure.code, failure.getMessage()));
    } catch (Exception e) {
      log.error("catalog import {} failed", order.jobId(), e);
      await(repository.fail(order.jobId(), "internal-error", "The import stopped unexpectedly; nothing more was written. "
          + "Upload the file again (re-uploading is safe)."));
    } finally {
      try {
        Files.deleteIfExists(order.file());
      } catch (IOException e) {
        log.warn("could not delete upload {}", order.file());
      }
    }
  }

  private BitSet validate(FileSniffer.Facts facts) throws IOException {
    BitSet bad = new BitSet();
    // SKU -> (row index << 32 | row number) of its first occurrence
    Map<String, Long> firstOfSku = new HashMap<>();
    JsonArray preview = new JsonArray();
    RowParser parser = new RowParser(order.brandOrigin());
    int index = 0;
    try (CountingStream in = open(); CatalogRows rows = rows(facts, in)) {
      await(repository.describe(order.jobId(), facts.format().name().toLowerCase(), facts.encodingName(), rows.layout()));
      SourceRow row;
      while ((row = rows.next()) != null) {
        RowParser.Parsed parsed = parser.parse(row);
        if (!parsed.ok()) {
          bad.set(index);
          report(parsed.errors());
        } else {
          String sku = parsed.fields().sku();
          Long first = firstOfSku.putIfAbsent(sku, ((long) index << 32) | row.number());
          if (first != null) {
            int firstIndex = (int) (first >>> 32);
            int firstRow = (int) (long) first;
            bad.set(index);
            if (!bad.get(firstIndex)) {
              bad.set(firstIndex);
              report(List.of(new RowError(firstRow, row.column(Field.SKU), sku, "SKU " + sku
                  + " appears more than once in the file (again in row " + row.number() + "); none of these rows is imported")));
            }
            report(List.of(RowParser.error(row, Field.SKU, "SKU " + sku + " already appears in row " + firstRow)));
          } else if (preview.size() < PREVIEW_ROWS) {
            preview.add(parsed.fields().toJson().put("row", row.number()));
          }
        }
        index++;
        if (index % PROGRESS_EVERY == 0) await(repository.validating(order.jobId(), in.count, index));
      }
    }
    if (index == 0) throw new ImportFailure("no-rows", "The file has a header row but no product rows.");
    flushErrors();
    await(repository.validated(order.jobId(), !order.dryRun(), index, bad.cardinality(), errorCount, preview));
    return bad;
  }

  private void write(FileSniffer.Facts facts, BitSet bad) throws IOException {
    RowParser parser = new RowParser(order.brandOrigin());
    Progress progress = new Progress();
    List<ProductFields> batch = new ArrayList<>(BATCH);
    int index = 0;
    try (CountingStream in = open(); CatalogRows rows = rows(facts, in)) {
      SourceRow row;
      while ((row = rows.next()) != null) {
        if (!bad.get(index)) batch.add(parser.parse(row).fields());
        index++;
        if (batch.size() == BATCH) {
          progress.submit(writer.upsert(order.brandId(), order.uploaderId(), List.copyOf(batch)), index);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) progress.submit(writer.upsert(order.brandId(), order.uploaderId(), List.copyOf(batch)), index);
    progress.drain();
  }

  /**
   * Batches written concurrently, at most {@link #IN_FLIGHT} at a time: they hold disjoint SKUs (duplicates were
   * refused), so they cannot conflict, and the database works on one while the next is parsed and sent.
   */
  private final class Progress {
    private record Pending(Future<ProductBatchWriter.Outcome> outcome, int rowsDone) {
    }

    private final Deque<Pending> inFlight = new ArrayDeque<>();
    private int inserted, updated, unchanged;

    void submit(Future<ProductBatchWriter.Outcome> outcome, int rowsDone) {
      if (inFlight.size() >= IN_FLIGHT) collect();
      inFlight.add(new Pending(outcome, rowsDone));
    }

    void drain() {
      while (!inFlight.isEmpty()) collect();
    }

    private void collect() {
      Pending oldest = inFlight.poll();
      ProductBatchWriter.Outcome outcome = await(oldest.outcome());
      inserted += outcome.inserted();
      updated += outcome.updated();
      unchanged += outcome.unchanged();
      await(repository.written(order.jobId(), oldest.rowsDone(), inserted, updated, unchanged));
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
