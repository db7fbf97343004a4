package cn.redlive.sales;

import cn.redlive.account.AccountService;
import cn.redlive.product.Products;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.time.Clock;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports sales made outside the base's live rooms. Idempotent by order id: a row whose id is already in the ledger
 * with the same figures is "unchanged", with other figures an error; rows with errors are never written, the
 * others are, in one transaction. Refunds may name orders of the same file or already in the ledger, and never
 * refund more than the order's amount.
 */
public final class SalesImports {

  private final SalesImportRepository repository;
  private final AccountService accounts;
  private final Products products;
  private final Clock clock;

  public SalesImports(SalesImportRepository repository, AccountService accounts, Products products, Clock clock) {
    this.repository = repository;
    this.accounts = accounts;
    this.products = products;
    this.clock = clock;
  }

  public Future<JsonObject> importCsv(byte[] file, String fileName, long managerId, boolean dryRun) {
    // parsing up to 8 MiB of CSV is work for a worker thread, not the event loop
    return io.vertx.core.Vertx.currentContext().executeBlocking(() -> SalesCsv.parse(file, clock.instant()))
        .compose(parsed -> importParsed(parsed, sha256(file), fileName, managerId, dryRun));
  }

  private Future<JsonObject> importParsed(SalesCsv.Parsed parsed, String sha256, String fileName, long managerId,
                                          boolean dryRun) {
    List<ImportError> errors = new ArrayList<>(parsed.errors());
    return resolve(parsed.rows(), errors).compose(entries -> {
      Set<String> ids = new HashSet<>();
      entries.forEach(e -> {
        ids.add(e.entry().orderId());
        if (e.entry().refundOf() != null) ids.add(e.entry().refundOf());
      });
      return repository.existing(repository.pool(), ids).compose(existing -> {
        List<SalesImportRepository.Entry> pending = pending(entries, existing, errors);
        Future<Long> sameFile = repository.sameFile(sha256);
        if (dryRun || pending.isEmpty()) {
          return sameFile.map(same -> result(null, dryRun, parsed.total(), dryRun ? pending.size() : 0,
              countUnchanged(entries, existing), errors, same));
        }
        return sameFile.compose(same -> repository.pool().withTransaction(tx ->
            repository.recordImport(tx, sha256, fileName == null ? "" : fileName, managerId).compose(importId ->
                repository.insert(tx, pending, importId).compose(inserted -> {
                  int kept = countUnchanged(entries, existing) + pending.size() - inserted.size();
                  return repository.countImport(tx, importId, parsed.total(), inserted.size(), kept, failedRows(errors))
                      .map(v -> result(importId, false, parsed.total(), inserted.size(), kept, errors, same));
                }))));
      });
    });
  }

  private record Resolved(int row, SalesImportRepository.Entry entry, boolean amountGiven) {
  }

  /** Streamer usernames and product keys to ids; rows that do not resolve become errors. */
  private Future<List<Resolved>> resolve(List<ImportRow> rows, List<ImportError> errors) {
    Set<String> usernames = new HashSet<>();
    Set<Long> productIds = new HashSet<>();
    List<Long> brandIds = new ArrayList<>();
    List<String> skus = new ArrayList<>();
    for (ImportRow row : rows) {
      usernames.add(row.streamer().toLowerCase(Locale.ROOT));
      if (row.productId() != null) productIds.add(row.productId());
      else {
        brandIds.add(row.brandId());
        skus.add(row.sku());
      }
    }
    Future<Map<String, Long>> streamers = accounts.streamerIds(usernames);
    Future<Set<Long>> existing = this.products.existingIds(productIds);
    Future<Map<Products.SkuKey, Long>> bySku = this.products.idsBySku(brandIds, skus);
    return Future.all(streamers, existing, bySku).map(done -> {
      List<Resolved> resolved = new ArrayList<>();
      for (ImportRow row : rows) {
        Long streamer = streamers.result().get(row.streamer().toLowerCase(Locale.ROOT));
        Long product = row.productId() != null
            ? (existing.result().contains(row.productId()) ? row.productId() : null)
            : bySku.result().get(new Products.SkuKey(row.brandId(), row.sku()));
        if (streamer == null && row.isOrder()) {
          errors.add(new ImportError(row.row(), "streamer", row.streamer(), "no streamer account has this username"));
        }
        if (product == null && row.isOrder()) {
          errors.add(new ImportError(row.row(), "product_id", row.productId() != null ? String.valueOf(row.productId())
              : row.brandId() + "/" + row.sku(), "no such product"));
        }
        if (row.isOrder() && (streamer == null || product == null)) continue;
        // a refund takes streamer and product from the order it refunds (the ledger trigger copies them)
        resolved.add(new Resolved(row.row(), new SalesImportRepository.Entry(row.orderId(), row.kind(), row.refundOf(),
            streamer == null ? 0 : streamer, product == null ? 0 : product, row.quantity(),
            row.amountFen() == null ? 0 : row.amountFen(), row.channel(), row.orderedAt()), row.amountFen() != null));
      }
      return resolved;
    });
  }

  /** The entries to insert: orders first, then refunds that fit what remains of their order. */
  private static List<SalesImportRepository.Entry> pending(List<Resolved> entries,
                                                           Map<String, SalesImportRepository.Existing> existing,
                                                           List<ImportError> errors) {
    List<SalesImportRepository.Entry> orders = new ArrayList<>();
    List<SalesImportRepository.Entry> refunds = new ArrayList<>();
    Map<String, long[]> remaining = new HashMap<>(); // order id -> {amount left to refund}
    Set<String> seen = new HashSet<>();
    existing.values().forEach(e -> {
      if ("order".equals(e.kind())) remaining.put(e.orderId(), new long[] {e.amountFen() + e.refundedFen()});
    });
    for (Resolved r : entries) {
      SalesImportRepository.Entry e = r.entry();
      if (!seen.add(e.orderId())) {
        errors.add(new ImportError(r.row(), "order_id", e.orderId(), "this order id appears earlier in the file"));
        continue;
      }
      SalesImportRepository.Existing before = existing.get(e.orderId());
      if (before != null) {
        boolean same = before.kind().equals(e.kind()) && (!r.amountGiven() || before.amountFen() == e.amountFen());
        if (!same) errors.add(new ImportError(r.row(), "order_id", e.orderId(), "already in the ledger with other figures"));
        continue;
      }
      if ("order".equals(e.kind())) {
        orders.add(e);
        remaining.put(e.orderId(), new long[] {e.amountFen()});
      }
    }
    seen.clear();
    for (Resolved r : entries) {
      SalesImportRepository.Entry e = r.entry();
      if ("order".equals(e.kind()) || existing.containsKey(e.orderId()) || !seen.add(e.orderId())) continue;
      long[] left = remaining.get(e.refundOf());
      if (left == null) {
        errors.add(new ImportError(r.row(), "refund_of", e.refundOf(), "no such order in the ledger or earlier in the file"));
        continue;
      }
      long amount = r.amountGiven() ? e.amountFen() : -left[0];
      if (-amount > left[0]) {
        errors.add(new ImportError(r.row(), "amount", String.valueOf(-amount), "refunds more than remains of the order (" + left[0] + " fen)"));
        continue;
      }
      left[0] += amount;
      refunds.add(new SalesImportRepository.Entry(e.orderId(), e.kind(), e.refundOf(), e.streamerAccountId(),
          e.productId(), e.quantity(), amount, e.channel(), e.at()));
    }
    orders.addAll(refunds);
    return orders;
  }

  private static int countUnchanged(List<Resolved> entries, Map<String, SalesImportRepository.Existing> existing) {
    int n = 0;
    for (Resolved r : entries) {
      SalesImportRepository.Existing before = existing.get(r.entry().orderId());
      if (before != null && before.kind().equals(r.entry().kind())
          && (!r.amountGiven() || before.amountFen() == r.entry().amountFen())) n++;
    }
    return n;
  }

  private static int failedRows(List<ImportError> errors) {
    return (int) errors.stream().mapToInt(ImportError::row).distinct().count();
  }

  private static JsonObject result(Long importId, boolean dryRun, int rows, int inserted, int unchanged,
                                   List<ImportError> errors, Long sameFile) {
    JsonArray list = new JsonArray();
    errors.stream().sorted(java.util.Comparator.comparingInt(ImportError::row)).forEach(e -> list.add(e.toJson()));
    return new JsonObject().put("importId", importId).put("dryRun", dryRun).put("rows", rows).put("inserted", inserted)
        .put("unchanged", unchanged).put("failed", failedRows(errors)).put("sameFileAsImport", sameFile).put("errors", list);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
