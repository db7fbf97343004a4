package cn.redlive.account;

import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import cn.redlive.web.Tokens;
import cn.redlive.platform.Broadcast;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Accounts, login and the per-request account check the web layer runs. */
public final class AccountFeature implements Feature {

  private final AccountGate gate;
  private final AccountService service;

  public AccountFeature(Vertx vertx, Pool pool, Tokens tokens, int pbkdf2Iterations, LoginLimits limits,
                        MeterRegistry registry, Broadcast accountNews, Clock clock) {
    AccountRepository repository = new AccountRepository(pool);
    this.gate = new AccountGate(repository);
    this.service = new AccountService(vertx, repository, new PasswordHasher(pbkdf2Iterations), tokens, limits, gate,
        registry, accountNews, clock);
  }

  public AccountService service() {
    return service;
  }

  /** Told on every authenticated request whether the token's account may still act. */
  public AccountGate gate() {
    return gate;
  }

  @Override
  public void register(ApiRoutes api) {
    new AccountRoutes(service).register(api);
  }
}
