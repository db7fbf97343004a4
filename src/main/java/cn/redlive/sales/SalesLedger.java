package cn.redlive.sales;

import cn.redlive.account.AccountService;
import cn.redlive.core.Paging;
import cn.redlive.core.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * Reading the ledger entry by entry, newest first, for managers checking an import or a refund. A page answers
 * {@code next}, a cursor to pass as {@code after} for the following page (it continues after the last entry, so
 * deep pages cost what the first does); {@code page} still works for the first pages. {@code total} is exact up to
 * 10,000, past which {@code totalCapped} says there are more.
 */
public final class SalesLedger {

  private final SalesLedgerRepository repository;
  private final AccountService accounts;

  public SalesLedger(SalesLedgerRepository repository, AccountService accounts) {
    this.repository = repository;
    this.accounts = accounts;
  }

  public record Filter(Long streamerId, String orderId, LocalDate from, LocalDate to, String after) {
  }

  public Future<JsonObject> list(Filter filter, Paging paging) {
    SalesLedgerRepository.Span span = span(filter.from(), filter.to());
    if (filter.orderId() != null) {
      return repository.orderEntries(filter.orderId(), filter.streamerId(), span).compose(rows -> named(items(rows)))
          .map(items -> new JsonObject().put("items", items).put("total", items.size()).put("totalCapped", false)
              .putNull("next"));
    }
    SalesLedgerRepository.Key after = filter.after() == null ? SalesLedgerRepository.Key.FIRST : decode(filter.after());
    int offset = filter.after() == null ? paging.offset() : 0;
    var page = repository.page(filter.streamerId(), span, after, paging.size() + 1, offset);
    var count = repository.count(filter.streamerId(), span, SalesLedgerRepository.COUNT_CAP);
    return Future.all(page, count).map(done -> {
      RowSet<Row> rows = page.result();
      JsonArray items = new JsonArray();
      Row last = null;
      int n = 0;
      for (Row r : rows) {
        if (n++ == paging.size()) break;
        items.add(entry(r));
        last = r;
      }
      boolean more = rows.size() > paging.size();
      long total = count.result();
      return new JsonObject().put("items", items)
          .put("total", Math.min(total, SalesLedgerRepository.COUNT_CAP))
          .put("totalCapped", total > SalesLedgerRepository.COUNT_CAP)
          .put("next", more && last != null ? encode(last) : null);
    }).compose(listing -> named(listing.getJsonArray("items")).map(listing));
  }

  /** Puts each entry's streamer name in (the entries are changed in place), from the account feature. */
  private Future<JsonArray> named(JsonArray entries) {
    return accounts.withDisplayNames(entries.stream().map(JsonObject.class::cast).toList(),
        entry -> entry.getLong("streamerAccountId"), (entry, name) -> entry.put("streamerName", name)).map(entries);
  }

  /** The latest entry booked for a streamer (talent-pool id), if any: team moves may not be dated before it. */
  public Future<Optional<Instant>> latestSaleOf(io.vertx.sqlclient.SqlClient tx, long streamerId) {
    return repository.latestSaleOf(tx, streamerId);
  }

  private static SalesLedgerRepository.Span span(LocalDate from, LocalDate to) {
    Instant start = from == null ? Instant.EPOCH : new Period(from, from).start();
    Instant end = to == null ? SalesLedgerRepository.Key.FIRST.orderedAt() : new Period(to, to).end();
    return new SalesLedgerRepository.Span(start, end);
  }

  private static String encode(Row r) {
    Instant at = r.getOffsetDateTime("ordered_at").toInstant();
    String key = at.getEpochSecond() + "." + at.getNano() + "." + r.getString("order_id");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static SalesLedgerRepository.Key decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
      return new SalesLedgerRepository.Key(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
    } catch (RuntimeException e) {
      throw ProblemException.invalidField("after", "is not a cursor this listing answered as next");
    }
  }

  private static JsonArray items(RowSet<Row> rows) {
    JsonArray items = new JsonArray();
    rows.forEach(r -> items.add(entry(r)));
    return items;
  }

  private static JsonObject entry(Row r) {
    return new JsonObject().put("orderId", r.getString("order_id")).put("kind", r.getString("kind"))
        .put("refundOf", r.getString("refund_of")).put("streamerAccountId", r.getLong("streamer_account_id"))
        .put("streamerId", r.getLong("streamer_id")).putNull("streamerName") // named below, by the account feature
        .put("teamId", r.getLong("team_id")).put("productId", r.getLong("product_id")).put("brandId", r.getLong("brand_id"))
        .put("enterpriseId", r.getLong("enterprise_id")).put("sessionId", r.getLong("session_id"))
        .put("channel", r.getString("channel")).put("quantity", r.getInteger("quantity"))
        .put("amountFen", r.getLong("amount_fen")).put("orderedAt", r.getOffsetDateTime("ordered_at").toInstant().toString())
        .put("businessDay", r.getLocalDate("business_day").toString()).put("importId", r.getLong("import_id"));
  }
}
