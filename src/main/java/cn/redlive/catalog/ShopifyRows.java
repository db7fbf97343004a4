package cn.redlive.catalog;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shopify's product CSV: one row per variant, grouped by Handle; the first row of a group carries the product's
 * Title, Body (HTML) and Type, later rows only variant columns, and rows with only an Image Src add images.
 * Each variant becomes one of our products (its SKU is the Variant SKU). A group is buffered until the next
 * Handle starts, so memory stays bounded by the largest product, not the file.
 * Shopify has no origin or commission columns: origin defaults to the brand's, commission to 0 unless the file
 * adds a 产地 / 佣金比例 column (any alias of our template is honoured).
 */
final class ShopifyRows implements CatalogRows {

  private static final String HANDLE = "handle", TITLE = "title", BODY = "body (html)", TYPE = "type",
      OPTION1 = "option1 value", OPTION2 = "option2 value", OPTION3 = "option3 value", SKU = "variant sku",
      PRICE = "variant price", GRAMS = "variant grams", QTY = "variant inventory qty", IMAGE = "image src",
      VARIANT_IMAGE = "variant image";

  private final RawRows raw;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Field, Integer> extras = new HashMap<>();
  private final Deque<SourceRow> ready = new ArrayDeque<>();
  private RawRows.RawRow lookahead;
  private boolean exhausted;

  ShopifyRows(RawRows raw) throws IOException {
    this.raw = raw;
    List<String> header = raw.header();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      index.putIfAbsent(name, i);
      int column = i;
      ColumnMap.fieldOf(header.get(i)).filter(f -> f == Field.ORIGIN || f == Field.COMMISSION || f == Field.CERTIFICATIONS)
          .ifPresent(f -> extras.putIfAbsent(f, column));
    }
    List<String> missing = new ArrayList<>();
    for (String required : List.of(HANDLE, TITLE, SKU, PRICE)) if (!index.containsKey(required)) missing.add(required);
    if (!missing.isEmpty()) {
      throw new ImportFailure("missing-columns", "This Shopify product CSV lacks required columns: " + missing + ".");
    }
    this.lookahead = raw.next();
  }

  @Override
  public SourceRow next() throws IOException {
    while (ready.isEmpty() && !exhausted) readGroup();
    return ready.poll();
  }

  private void readGroup() throws IOException {
    if (lookahead == null) {
      exhausted = true;
      return;
    }
    String handle = cell(lookahead, HANDLE);
    List<RawRows.RawRow> group = new ArrayList<>();
    while (lookahead != null && (cell(lookahead, HANDLE).equals(handle) || lookahead.blank())) {
      if (!lookahead.blank()) group.add(lookahead);
      lookahead = raw.next();
    }
    emit(group);
  }

  private void emit(List<RawRows.RawRow> group) {
    RawRows.RawRow first = group.get(0);
    String title = cell(first, TITLE);
    List<String> images = new ArrayList<>();
    for (RawRows.RawRow row : group) {
      for (String column : List.of(IMAGE, VARIANT_IMAGE)) {
        String url = cell(row, column);
        if (!url.isEmpty() && !images.contains(url)) images.add(url);
      }
    }
    for (RawRows.RawRow row : group) {
      if (cell(row, SKU).isEmpty() && cell(row, PRICE).isEmpty()) continue; // an image-only row
      String options = String.join(" ", List.of(cell(row, OPTION1), cell(row, OPTION2), cell(row, OPTION3)).stream()
          .filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("Default Title")).toList());
      SourceRow out = SourceRow.of(row.number())
          .put(Field.SKU, cell(row, SKU), "Variant SKU")
          .put(Field.NAME, options.isEmpty() ? title : title + " " + options, "Title")
          .put(Field.CATEGORY, cell(first, TYPE), "Type")
          .put(Field.SPEC, options, "Option1 Value")
          .put(Field.WEIGHT, cell(row, GRAMS), "Variant Grams")
          .put(Field.PRICE, cell(row, PRICE), "Variant Price")
          .put(Field.STOCK, cell(row, QTY), "Variant Inventory Qty")
          .put(Field.IMAGES, String.join("\n", images), "Image Src")
          .put(Field.DESCRIPTION, plainText(cell(first, BODY)), "Body (HTML)");
      extras.forEach((field, column) -> {
        String value = row.cell(column).isEmpty() ? first.cell(column) : row.cell(column);
        out.put(field, value, raw.header().get(column));
      });
      ready.add(out);
    }
  }

  private static String plainText(String html) {
    return html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]*>", "").replace("&nbsp;", " ")
        .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip();
  }

  private String cell(RawRows.RawRow row, String column) {
    Integer i = index.get(column);
    return i == null ? "" : row.cell(i).strip();
  }

  @Override
  public String layout() {
    return "shopify";
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
