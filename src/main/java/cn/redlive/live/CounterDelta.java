package cn.redlive.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's share of a batch summed up into the arguments of apply-batch.lua: counts, each viewer once sorted
 * by what its events do, GMV per product and the buyers. Redis runs one script at a time and turns every argument
 * into a Lua string, so sending four arguments per event made the script most of what Redis spent on a batch.
 * The sums are exactly what the script used to compute event by event (see the kinds in apply-batch.lua).
 */
final class CounterDelta {

  /** What a viewer's events in the batch did, in order. */
  private static final class Viewer {
    final boolean credited;
    final long firstAt;
    long lastAt;
    boolean present;
    boolean seen;

    Viewer(boolean credited, long firstAt) {
      this.credited = credited;
      this.firstAt = firstAt;
      this.lastAt = firstAt;
    }

    /** Kinds A to E of apply-batch.lua as 0 to 4. */
    int kind() {
      if (credited) return present ? 2 : seen ? 1 : 0;
      return present ? 3 : 4;
    }
  }

  private CounterDelta() {
  }

  static String[] args(String producerId, long sequence, long nowMillis, List<LiveEvent> events) {
    long likes = 0;
    long follows = 0;
    long comments = 0;
    long shares = 0;
    long orders = 0;
    long gmv = 0;
    long views = 0;
    long watchInBatch = 0;
    Map<String, Viewer> viewers = new LinkedHashMap<>();
    Map<Long, Long> gmvByProduct = new LinkedHashMap<>();
    List<String> buyers = new ArrayList<>();
    for (LiveEvent e : events) {
      switch (e.type()) {
        case VIEWER_JOIN, HEARTBEAT, VIEWER_LEAVE -> {
          // only a viewer's first event may credit watch time since its last event in Redis; the gaps between its
          // events within the batch are summed here, by event time, each up to the 60 s a silent viewer counts
          long at = e.at().toEpochMilli();
          if (e.type() == LiveEvent.Type.VIEWER_JOIN) views++;
          Viewer v = viewers.get(e.viewerId());
          if (v == null) {
            v = new Viewer(e.type() != LiveEvent.Type.VIEWER_JOIN, at);
            viewers.put(e.viewerId(), v);
          } else {
            if (v.present && at > v.lastAt) watchInBatch += Math.min(at - v.lastAt, LiveCounters.SILENT_AFTER_MS);
            v.lastAt = Math.max(v.lastAt, at);
          }
          v.present = e.type() != LiveEvent.Type.VIEWER_LEAVE;
          v.seen |= v.present;
        }
        case LIKE -> likes += e.count();
        case FOLLOW -> follows++;
        case COMMENT -> comments++;
        case SHARE -> shares++;
        case ORDER -> {
          orders++;
          gmv += e.amountFen();
          gmvByProduct.merge(e.productId(), e.amountFen(), Long::sum);
          buyers.add(e.buyerId());
        }
      }
    }
    List<List<String>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    viewers.forEach((id, v) -> byKind.get(v.kind()).add(id));
    List<String> args = new ArrayList<>(20 + viewers.size() * 2 + gmvByProduct.size() * 2 + buyers.size());
    args.add(producerId);
    args.add(Long.toString(sequence));
    args.add(Long.toString(nowMillis));
    for (long n : new long[] {likes, follows, comments, shares, orders, gmv}) args.add(Long.toString(n));
    byKind.forEach(kind -> args.add(Integer.toString(kind.size())));
    args.add(Integer.toString(gmvByProduct.size()));
    args.add(Integer.toString(buyers.size()));
    args.add(Long.toString(watchInBatch));
    args.add(Long.toString(views));
    List<String> feed = LiveFeed.entries(events);
    args.add(Integer.toString(feed.size()));
    args.add(Integer.toString(LiveFeed.KEPT));
    byKind.forEach(args::addAll);
    gmvByProduct.forEach((product, amount) -> {
      args.add(Long.toString(product));
      args.add(Long.toString(amount));
    });
    args.addAll(buyers);
    for (int kind = 0; kind <= 2; kind++) byKind.get(kind).forEach(id -> args.add(Long.toString(viewers.get(id).firstAt)));
    for (int kind = 2; kind <= 3; kind++) byKind.get(kind).forEach(id -> args.add(Long.toString(viewers.get(id).lastAt)));
    args.addAll(feed);
    return args.toArray(String[]::new);
  }
}
