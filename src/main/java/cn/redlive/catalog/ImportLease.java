package cn.redlive.catalog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;

/**
 * The lease this instance holds on the imports it runs or keeps queued. Every third of the lease it vouches for them
 * (a heartbeat, on the database's clock so instances need not agree on time), then fails any instance's job whose
 * heartbeat is older than the lease: that instance died mid-import, and its file and queue died with it. A job whose
 * instance lives is never failed by another, whatever its age.
 */
final class ImportLease {

  private static final Logger log = LoggerFactory.getLogger(ImportLease.class);

  private final UUID owner = UUID.randomUUID();
  private final Vertx vertx;
  private final ImportRepository repository;
  private final Duration lease;
  private long timer = -1;

  ImportLease(Vertx vertx, ImportRepository repository, Duration lease) {
    this.vertx = vertx;
    this.repository = repository;
    this.lease = lease;
  }

  UUID owner() {
    return owner;
  }

  /** Sweeps once now (jobs a dead instance left) and then every third of the lease. */
  Future<Void> start() {
    long every = Math.max(1, lease.toMillis() / 3);
    timer = vertx.setPeriodic(every, id -> renewAndSweep());
    return renewAndSweep();
  }

  void stop() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }

  /** Never fails: a sweep that cannot reach the database is tried again at the next beat. */
  Future<Void> renewAndSweep() {
    return repository.beat(owner)
        .compose(renewed -> repository.failAbandoned(lease))
        .onSuccess(failed -> {
          if (failed > 0) log.warn("failed {} catalog import(s) whose server stopped beating for {} s", failed, lease.toSeconds());
        })
        .<Void>mapEmpty()
        .recover(e -> {
          log.warn("catalog import lease not renewed: {}", e.getMessage());
          return Future.succeededFuture();
        });
  }
}
