package cn.redlive.catalog;

/**
 * 64-bit fingerprints of the SKUs an import has read, in a table of fixed size, so that a clean file (the usual
 * case) is known to repeat no SKU without staging every SKU in the database. Distinct fingerprints prove distinct
 * SKUs; an equal fingerprint only says "maybe", and the import then checks exactly ({@link StagedRowRepository}). The table
 * is allocated whole (2 MB) and never grows: once it is half full, it answers {@link Seen#UNKNOWN} and larger files
 * take the exact check, so memory stays flat however large the file.
 */
final class SkuFingerprints {

  enum Seen { NEW, MAYBE_BEFORE, UNKNOWN }

  private static final int SLOTS = 1 << 18;
  private static final int MAX_ENTRIES = SLOTS / 2;
  /** 0 marks an empty slot; a SKU whose fingerprint is 0 is stored as this instead. */
  private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;

  private final long[] slots = new long[SLOTS];
  private int entries;

  Seen add(String sku) {
    if (entries >= MAX_ENTRIES) return Seen.UNKNOWN;
    long print = fingerprint(sku);
    int slot = (int) (print >>> 46) & (SLOTS - 1);
    while (slots[slot] != 0) {
      if (slots[slot] == print) return Seen.MAYBE_BEFORE;
      slot = (slot + 1) & (SLOTS - 1);
    }
    slots[slot] = print;
    entries++;
    return Seen.NEW;
  }

  /** FNV-1a over the chars, then a 64-bit finaliser (MurmurHash3's) so that the high bits pick slots evenly. */
  static long fingerprint(String sku) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < sku.length(); i++) {
      h ^= sku.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? ZERO_STAND_IN : h;
  }
}
