package cn.redlive.sales;

import cn.redlive.catalog.CellValues;
import cn.redlive.platform.BaseDays;
import cn.redlive.core.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manager's CSV of sales made elsewhere: UTF-8 (with or without BOM) or GBK, comma separated, Chinese or
 * English headers. Checks each row on its own; ids (streamer, product, refunded order) are resolved later.
 */
final class SalesCsv {

  record Parsed(List<ImportRow> rows, List<ImportError> errors, int total) {
  }

  private static final Map<String, String> ALIASES = new HashMap<>();

  static {
    alias("order_id", "订单号", "订单编号", "order id", "orderid");
    alias("ordered_at", "下单时间", "时间", "ordered at", "time", "date");
    alias("streamer", "主播账号", "主播", "streamer account", "username");
    alias("product_id", "商品id", "商品编号", "product id");
    alias("brand_id", "品牌id", "brand id");
    alias("sku", "货号", "商品sku", "variant sku");
    alias("quantity", "数量", "qty");
    alias("amount", "金额", "金额(元)", "金额（元）", "实付金额", "amount (yuan)");
    alias("amount_fen", "金额(分)", "金额（分）", "amount fen");
    alias("channel", "渠道", "平台", "source");
    alias("kind", "类型", "type");
    alias("refund_of", "原订单号", "退款订单号", "refund of", "original order");
  }

  private static void alias(String key, String... names) {
    ALIASES.put(key, key);
    for (String name : names) ALIASES.put(name.toLowerCase(Locale.ROOT), key);
  }

  private static final Map<String, String> KINDS = Map.of("order", "order", "订单", "order", "refund", "refund",
      "退款", "refund", "cancel", "cancel", "取消", "cancel", "cancellation", "cancel");
  private static final Set<String> REQUIRED = Set.of("order_id", "ordered_at", "streamer");
  /** Ten billion yuan: far above any one sale, far below what the rollups' sums could overflow on. */
  static final long MAX_AMOUNT_FEN = 1_000_000_000_000L;
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]");

  private SalesCsv() {
  }

  /** How far past the server clock a sale may be dated: clocks of other shops drift, a sale from the future does not exist. */
  static final java.time.Duration FUTURE_WINDOW = java.time.Duration.ofMinutes(5);

  /** The file's rows; a sale dated after {@code now} plus {@link #FUTURE_WINDOW} is a row error. */
  static Parsed parse(byte[] bytes, Instant now) {
    String text = decode(bytes);
    try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) throw ProblemException.badRequest("empty-file", "The file has no header row.");
      Map<String, Integer> columns = columns(records.get(0));
      List<ImportRow> rows = new ArrayList<>();
      List<ImportError> errors = new ArrayList<>();
      for (int i = 1; i < records.size(); i++) {
        CSVRecord record = records.get(i);
        if (record.stream().allMatch(String::isBlank)) continue;
        ImportRow row = row((int) record.getRecordNumber(), record, columns, errors, now.plus(FUTURE_WINDOW));
        if (row != null) rows.add(row);
      }
      return new Parsed(rows, errors, records.size() - 1);
    } catch (IOException | UncheckedIOException e) {
      throw ProblemException.badRequest("malformed-csv", "The CSV cannot be read: " + e.getMessage());
    }
  }

  private static String decode(byte[] bytes) {
    int skip = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
      try {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
      } catch (CharacterCodingException e) {
        // try the next encoding
      }
    }
    throw ProblemException.badRequest("undecodable-text", "The file is neither UTF-8 nor GBK text; save it as CSV UTF-8.");
  }

  private static Map<String, Integer> columns(CSVRecord header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String key = ALIASES.get(header.get(i).trim().toLowerCase(Locale.ROOT));
      if (key != null) columns.putIfAbsent(key, i);
    }
    List<String> missing = REQUIRED.stream().filter(k -> !columns.containsKey(k)).sorted().toList();
    if (!missing.isEmpty()) {
      throw ProblemException.badRequest("missing-columns", "The header lacks the columns " + missing
          + " (订单号, 下单时间, 主播账号 and 商品ID or 品牌ID + SKU).");
    }
    if (!columns.containsKey("product_id") && !(columns.containsKey("brand_id") && columns.containsKey("sku"))) {
      throw ProblemException.badRequest("missing-columns", "The header names no product: add 商品ID, or 品牌ID and SKU.");
    }
    return columns;
  }

  /** The row, or null after adding its errors. */
  private static ImportRow row(int number, CSVRecord record, Map<String, Integer> columns, List<ImportError> errors,
                               Instant latest) {
    int before = errors.size();
    Cells cells = new Cells(number, record, columns, errors);
    String orderId = cells.text("order_id");
    if (orderId.isEmpty() || orderId.length() > 64) cells.error("order_id", orderId, "an order id of 1 to 64 characters is required");
    String kind = KINDS.get(cells.text("kind").toLowerCase(Locale.ROOT).isEmpty() ? "order" : cells.text("kind").toLowerCase(Locale.ROOT));
    if (kind == null) cells.error("kind", cells.text("kind"), "must be order/订单, refund/退款 or cancel/取消");
    String refundOf = cells.text("refund_of");
    if (kind != null && !"order".equals(kind) && refundOf.isEmpty()) cells.error("refund_of", "", "a refund or cancellation names the order it refunds");
    if ("order".equals(kind) && !refundOf.isEmpty()) cells.error("refund_of", refundOf, "only refunds and cancellations name an earlier order");
    Instant at = cells.instant("ordered_at");
    if (at != null && at.isAfter(latest)) cells.error("ordered_at", cells.text("ordered_at"), "lies in the future: a sale is imported once it was made");
    String streamer = cells.text("streamer");
    if (streamer.isEmpty()) cells.error("streamer", "", "the streamer's account username is required");
    Long productId = cells.optionalLong("product_id");
    Long brandId = cells.optionalLong("brand_id");
    String sku = cells.text("sku");
    if (productId == null && (brandId == null || sku.isEmpty())) cells.error("product_id", "", "name the product by 商品ID, or by 品牌ID and SKU");
    Long quantity = cells.optionalLong("quantity");
    boolean order = "order".equals(kind);
    if (order && (quantity == null || quantity < 1 || quantity > 100_000)) {
      cells.error("quantity", cells.text("quantity"), "an order needs a quantity from 1 to 100000");
    }
    Long amount = cells.amount(order);
    if (order && amount == null && errors.size() == before) cells.error("amount", "", "an order needs its amount");
    String channel = cells.text("channel").toLowerCase(Locale.ROOT);
    if (channel.isEmpty()) channel = "other";
    if (channel.equals("live") || channel.length() > 30) cells.error("channel", channel, "a channel outside the base's live rooms, e.g. douyin, taobao, offline");
    if (errors.size() > before) return null;
    int signedQuantity = quantity == null ? 0 : (int) (order ? quantity : -quantity);
    Long signedAmount = amount == null ? null : order ? amount : -amount;
    return new ImportRow(number, orderId, kind, order ? null : refundOf, at, streamer, productId, brandId, sku,
        signedQuantity, signedAmount, channel);
  }

  /** Cell access for one record that records errors instead of throwing. */
  private record Cells(int number, CSVRecord record, Map<String, Integer> columns, List<ImportError> errors) {

    String text(String key) {
      Integer index = columns.get(key);
      return index == null || index >= record.size() ? "" : record.get(index).trim();
    }

    void error(String key, String value, String message) {
      errors.add(new ImportError(number, key, value, message));
    }

    Long optionalLong(String key) {
      String raw = text(key).replace(",", "");
      if (raw.isEmpty()) return null;
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException e) {
        error(key, raw, "is not a whole number");
        return null;
      }
    }

    /**
     * The amount in fen, without its sign: a refund's amount is subtracted whichever way the file writes it, while a
     * negative amount on an order is a row error (the file says a refund by its type column), never a ledger entry.
     */
    Long amount(boolean order) {
      boolean fen = !text("amount_fen").isEmpty();
      String key = fen ? "amount_fen" : "amount";
      String raw = text(key).replace(",", "");
      if (raw.isEmpty()) return null;
      boolean negative = raw.startsWith("-");
      if (negative && order) {
        error(key, raw, "a negative amount is a refund: set 类型 to 退款 and name the 原订单号");
        return null;
      }
      String unsigned = negative ? raw.substring(1) : raw;
      try {
        long value = fen ? parseFen(unsigned) : CellValues.fen(unsigned);
        if (value > MAX_AMOUNT_FEN) throw new IllegalArgumentException("is more than 10,000,000,000 yuan in one entry");
        return value;
      } catch (IllegalArgumentException | ArithmeticException e) {
        error(key, raw, e instanceof ArithmeticException ? "is not an amount the ledger can hold" : e.getMessage());
        return null;
      }
    }

    private static long parseFen(String digits) {
      if (!digits.matches("[0-9]{1,15}")) throw new IllegalArgumentException("is not a whole number of fen");
      return Long.parseLong(digits);
    }

    Instant instant(String key) {
      String raw = text(key);
      try {
        return OffsetDateTime.parse(raw).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDateTime.parse(raw.replace('/', '-').replace('T', ' '), LOCAL).atZone(BaseDays.ZONE).toInstant();
        } catch (DateTimeParseException e) {
          error(key, raw, "is not a time like 2026-05-01 20:15 (Asia/Shanghai) or 2026-05-01T12:15:00Z");
          return null;
        }
      }
    }
  }
}
