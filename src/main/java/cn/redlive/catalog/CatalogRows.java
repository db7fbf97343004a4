package cn.redlive.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.util.Locale;

/** Product rows of an upload, whatever its layout; {@link #open} picks our template or Shopify's by the header. */
interface CatalogRows extends Closeable {

  /** The next product row, or null at the end. */
  SourceRow next() throws IOException;

  /** "template" or "shopify". */
  String layout();

  static CatalogRows open(RawRows raw) throws IOException {
    boolean shopify = raw.header().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).anyMatch("handle"::equals)
        && raw.header().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).anyMatch("variant sku"::equals);
    return shopify ? new ShopifyRows(raw) : new TemplateRows(raw);
  }
}
