package cn.redlive.brand;

import cn.redlive.account.AccountService;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * The brand library and who speaks for which brand. Other features ask {@link #scopeOf(Principal)} which brand's
 * data a caller may touch.
 */
public final class Brands {

  private final BrandRepository repository;
  private final AccountService accounts;

  Brands(BrandRepository repository, AccountService accounts) {
    this.repository = repository;
    this.accounts = accounts;
  }

  /**
   * The brand a caller is confined to: empty for managers and streamers (they are not confined to one brand),
   * the linked brand for a brand partner; a partner not yet linked to a brand is refused.
   */
  public Future<Optional<Long>> scopeOf(Principal principal) {
    if (!principal.is(Role.BRAND_PARTNER)) return Future.succeededFuture(Optional.empty());
    return repository.brandOf(principal.accountId()).compose(brand -> brand.isPresent()
        ? Future.succeededFuture(brand)
        : Future.failedFuture(ProblemException.forbidden("no-brand",
            "Your account is not linked to a brand yet; ask a base manager to link it.")));
  }

  /** The brand a partner's account belongs to, if linked. */
  public Future<Optional<Long>> brandOf(long accountId) {
    return repository.brandOf(accountId);
  }

  public Future<List<Brand>> list(Principal principal, String query) {
    return scopeOf(principal).compose(scope -> repository.list(scope.orElse(null), query));
  }

  public Future<Brand> get(long id) {
    return repository.find(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(noSuchBrand(id))));
  }

  public Future<Brand> create(BrandFields fields) {
    return repository.insert(fields).compose(created -> created.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(nameTaken(fields))));
  }

  public Future<Brand> update(long id, BrandFields fields) {
    return repository.update(id, fields)
        .recover(e -> e.getMessage() != null && e.getMessage().contains("brands_name_key")
            ? Future.failedFuture(nameTaken(fields)) : Future.failedFuture(e))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchBrand(id))));
  }

  /** Links a brand-partner account to a brand (a partner speaks for exactly one brand). */
  public Future<Void> link(long accountId, long brandId) {
    // an account's role never changes and accounts are never deleted, so the check holds until the insert
    return get(brandId).compose(brand -> accounts.get(accountId).map(account -> account.role() == Role.BRAND_PARTNER)
            .otherwise(missing -> false))
        .compose(partner -> partner ? repository.link(accountId, brandId)
            : Future.failedFuture(ProblemException.ruleViolated("not-a-brand-partner",
                "Account " + accountId + " does not exist or is not a brand-partner account.")));
  }

  private static ProblemException nameTaken(BrandFields fields) {
    return ProblemException.conflict("brand-name-taken", "A brand named " + fields.name() + " already exists.");
  }

  private static ProblemException noSuchBrand(long id) {
    return ProblemException.notFound("There is no brand " + id + ".");
  }
}
