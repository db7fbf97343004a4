package cn.redlive.catalog;

import io.vertx.core.json.JsonObject;

/** A problem of one cell: row as a spreadsheet shows it, column as the file names it. */
record RowError(int row, String column, String value, String message) {

  JsonObject toJson() {
    return new JsonObject().put("row", row).put("column", column).put("value", value).put("message", message);
  }
}
