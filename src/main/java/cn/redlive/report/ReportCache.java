package cn.redlive.report;

import io.vertx.core.Future;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Computed reports by their parameters, each kept with the data version it was computed under (see
 * {@link ReportVersionRepository}). The caller reads the current version first and computes only after, so an answer stored
 * under version v holds at least everything committed up to v; it is served only while the version is still v,
 * so no answer outlives a commit that changes it. A computation under way is shared by the requests that need it.
 * Keys carry everything the answer depends on (the subject the route already authorised, the period, today), and
 * the least recently used entries go first once there are more than the cache holds.
 */
final class ReportCache<K, V> {

  private record Entry<V>(long version, Future<V> value) {
  }

  private final Map<K, Entry<V>> entries;

  ReportCache(int capacity) {
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The answer for key at the given current version: the stored one if it was computed under it, else computed. */
  Future<V> get(K key, long version, Supplier<Future<V>> compute) {
    Entry<V> found;
    synchronized (entries) {
      found = entries.get(key);
    }
    if (found != null && found.version() == version) return found.value();
    Future<V> value = compute.get();
    Entry<V> entry = new Entry<>(version, value);
    synchronized (entries) {
      Entry<V> now = entries.get(key);
      // a request that read an older version must not replace an answer computed under a newer one
      if (now == null || now.version() <= version) entries.put(key, entry);
    }
    value.onFailure(e -> {
      synchronized (entries) {
        entries.remove(key, entry);
      }
    });
    return value;
  }
}
