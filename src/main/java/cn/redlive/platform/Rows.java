package cn.redlive.platform;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
   * A page from two queries run side by side: the rows of the page, and the filtered total ({@code total} column).
   * Cheaper than count(*) OVER (), which makes the database build every matching row before the LIMIT.
   */
  public static <T> Future<Page<T>> page(Future<RowSet<Row>> rows, Future<RowSet<Row>> count, Function<Row, T> mapper) {
    return Future.all(rows, count).map(both -> new Page<>(all(rows.result(), mapper),
        count.result().iterator().next().getLong("total")));
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
