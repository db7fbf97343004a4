package cn.redlive.account;

import cn.redlive.platform.Broadcast;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one instance tells all the others about accounts, at once: a token logged out, an account whose state
 * changed (disabled, enabled, password changed or reset). Each instance applies it to its own gate before the
 * change is answered (see {@link Broadcast}); what it says is in PostgreSQL already, so a lost message costs at
 * most the gate's few seconds of cache.
 */
final class AccountNews {

  private static final Logger log = LoggerFactory.getLogger(AccountNews.class);
  static final String CHANNEL = "redlive:accounts";

  private final Broadcast broadcast;
  private final AccountGate gate;

  AccountNews(Broadcast broadcast, AccountGate gate) {
    this.broadcast = broadcast;
    this.gate = gate;
    broadcast.onMessage(this::apply);
  }

  Future<Void> tokenRevoked(String tokenId, long expiresAtEpochSecond) {
    gate.revocations().add(tokenId, expiresAtEpochSecond);
    return publish("token " + tokenId + " " + expiresAtEpochSecond);
  }

  Future<Void> accountChanged(long accountId) {
    gate.forget(accountId);
    return publish("account " + accountId);
  }

  private Future<Void> publish(String message) {
    return broadcast.publish(message).recover(e -> {
      log.warn("could not broadcast {} ({}); other instances see it within seconds", message, e.getMessage());
      return Future.succeededFuture();
    });
  }

  private void apply(String message) {
    String[] parts = message.split(" ");
    switch (parts[0]) {
      case "token" -> gate.revocations().add(parts[1], Long.parseLong(parts[2]));
      case "account" -> gate.forget(Long.parseLong(parts[1]));
      default -> log.warn("unknown account news {}", message);
    }
  }
}
