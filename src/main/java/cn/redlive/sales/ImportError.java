package cn.redlive.sales;

import io.vertx.core.json.JsonObject;

/** A problem of one row of a sales import, in the shape the catalog import reports (row, column, value, message). */
record ImportError(int row, String column, String value, String message) {

  JsonObject toJson() {
    return new JsonObject().put("row", row).put("column", column).put("value", value).put("message", message);
  }
}
