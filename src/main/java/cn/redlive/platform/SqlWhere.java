package cn.redlive.platform;

import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause made of only the filters a request sets. Each combination becomes its own prepared statement with a
 * plan fitted to it; a catch-all {@code ($1 IS NULL OR col = $1)} makes PostgreSQL's generic plan guess badly and scan.
 * Conditions name their value {@code ?}, numbered $1, $2 ... in the order added; values still travel as parameters.
 * LIMIT and OFFSET are written as numbers (see {@link #limitOffset(int, int)}).
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

  /**
   * " LIMIT size OFFSET offset" as literal numbers, not parameters. With a parameter PostgreSQL's generic plan must
   * assume a tenth of all rows is wanted, so it never looks as cheap as a custom plan and every execution is planned
   * afresh: planning was most of the database's time for a 20-row page. With the numbers in the text, the statement
   * (one per page size and page; the first pages are nearly all of the traffic) switches to its cached generic plan
   * after five executions, as PostgreSQL does for any statement whose generic plan costs no more than a custom one.
   */
  public static String limitOffset(int page, int size) {
    if (page < 1 || size < 0) throw new IllegalArgumentException("page from 1, size from 0");
    return " LIMIT " + size + " OFFSET " + (page - 1L) * size + " ";
  }

  public Tuple params() {
    Tuple tuple = Tuple.tuple();
    values.forEach(tuple::addValue);
    return tuple;
  }
}
