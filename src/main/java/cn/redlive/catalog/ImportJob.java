package cn.redlive.catalog;

import cn.redlive.core.JsonView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** An import job as a UI polls it: progress for a bar, the report, and a file-level failure if any. */
record ImportJob(JsonObject json, long brandId, String status) implements JsonView {

  static ImportJob from(Row row) {
    String status = row.getString("status");
    Integer rowsTotal = row.getInteger("rows_total");
    int rowsDone = row.getInteger("rows_done");
    boolean dryRun = "dry_run".equals(row.getString("mode"));
    JsonObject json = new JsonObject()
        .put("id", row.getLong("id"))
        .put("brandId", row.getLong("brand_id"))
        .put("fileName", row.getString("file_name"))
        .put("mode", dryRun ? "dry-run" : "commit")
        .put("status", status)
        .put("format", row.getString("format"))
        .put("encoding", row.getString("encoding"))
        .put("layout", row.getString("layout"))
        .put("progress", new JsonObject()
            .put("rowsDone", rowsDone)
            .put("rowsTotal", rowsTotal)
            .put("percent", percent(status, dryRun, row.getLong("bytes_done"), row.getLong("bytes_total"), rowsDone, rowsTotal)))
        .put("report", new JsonObject()
            .put("inserted", row.getInteger("inserted"))
            .put("updated", row.getInteger("updated"))
            .put("unchanged", row.getInteger("unchanged"))
            .put("failed", row.getInteger("failed"))
            .put("errorCount", row.getInteger("error_count")))
        .put("failure", row.getString("failure_code") == null ? null
            : new JsonObject().put("code", row.getString("failure_code")).put("message", row.getString("failure")))
        .put("preview", row.getValue("preview") instanceof JsonArray preview ? preview : new JsonArray())
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
        .put("finishedAt", row.getOffsetDateTime("finished_at") == null ? null
            : row.getOffsetDateTime("finished_at").toInstant().toString())
        .put("errorReportUrl", "/api/v1/catalog/imports/" + row.getLong("id") + "/errors.csv");
    return new ImportJob(json, row.getLong("brand_id"), status);
  }

  /** Validation reads the file (by bytes); a commit then writes its rows: each is half the bar. */
  private static int percent(String status, boolean dryRun, long bytesDone, long bytesTotal, int rowsDone, Integer rowsTotal) {
    if ("succeeded".equals(status) || "failed".equals(status)) return 100;
    double validated = bytesTotal == 0 ? 0 : Math.min(1.0, (double) bytesDone / bytesTotal);
    if ("writing".equals(status) && rowsTotal != null && rowsTotal > 0) return (int) (50 + 50.0 * rowsDone / rowsTotal);
    return (int) (validated * (dryRun ? 99 : 50));
  }

  boolean finished() {
    return "succeeded".equals(status) || "failed".equals(status);
  }

  ImportJob withErrors(JsonArray errors) {
    return new ImportJob(json.copy().put("errors", errors), brandId, status);
  }

  @Override
  public JsonObject toJson() {
    return json;
  }
}
