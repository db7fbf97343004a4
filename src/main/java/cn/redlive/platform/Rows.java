package cn.redlive.platform;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small helpers every repository needs when reading a RowSet. */
public final class Rows {

  private Rows() {
  }

  public static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> list = new ArrayList<>(rows.size());
    rows.forEach(row -> list.add(mapper.apply(row)));
    return list;
  }

  /** A page of rows that carry the window column {@code total} (count(*) OVER ()). */
  public record Page<T>(List<T> items, long total) {
  }

  /**
   * A page read in one round trip: each row carries the filtered total ({@code total}, an uncorrelated scalar
   * subquery the database evaluates once). Only an empty page past the first needs {@code countWhenEmpty}.
   */
  public static <T> Future<Page<T>> page(Future<RowSet<Row>> rows, Supplier<Future<RowSet<Row>>> countWhenEmpty,
                                         boolean firstPage, Function<Row, T> mapper) {
    return rows.compose(found -> {
      if (found.size() > 0) return Future.succeededFuture(page(found, mapper));
      if (firstPage) return Future.succeededFuture(new Page<T>(List.of(), 0));
      return countWhenEmpty.get().map(count -> new Page<T>(List.of(), count.iterator().next().getLong("total")));
    });
  }

  public static <T> Page<T> page(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> items = new ArrayList<>(rows.size());
    long total = 0;
    for (Row row : rows) {
      items.add(mapper.apply(row));
      total = row.getLong("total");
    }
    return new Page<>(items, total);
  }
}
