package cn.redlive.platform;

import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause made of only the filters a request sets. Each combination becomes its own prepared statement with a
 * plan fitted to it; a catch-all {@code ($1 IS NULL OR col = $1)} makes PostgreSQL's generic plan guess badly and scan.
 * Conditions name their value {@code ?}, numbered $1, $2 ... in the order added; values still travel as parameters.
 */
public final class SqlWhere {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  public SqlWhere always(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Adds {@code condition} bound to {@code value}, or nothing when the value is null. */
  public SqlWhere when(Object value, String condition) {
    if (value == null) return this;
    values.add(value);
    conditions.add(condition.replace("?", "$" + values.size()));
    return this;
  }

  public String sql() {
    return conditions.isEmpty() ? " " : " WHERE " + String.join(" AND ", conditions) + " ";
  }

  /** " LIMIT $n OFFSET $n+1" numbered after the filter values; pair with {@link #params(Object...)}. */
  public String limitOffset() {
    return " LIMIT $" + (values.size() + 1) + " OFFSET $" + (values.size() + 2) + " ";
  }

  public Tuple params(Object... more) {
    Tuple tuple = Tuple.tuple();
    values.forEach(tuple::addValue);
    for (Object value : more) tuple.addValue(value);
    return tuple;
  }
}
