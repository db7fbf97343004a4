package cn.redlive.product;

import cn.redlive.account.AccountName;
import cn.redlive.account.AccountService;
import cn.redlive.brand.Brands;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The product library. The review rule: a product is sold only once a manager approved it. When its brand later
 * edits a selling-relevant field (anything but stock), the approved version stays on sale unchanged and the edit
 * waits as a pending revision until a manager approves it (then it replaces the live fields) or rejects it (then
 * the product keeps selling as before). Stock changes apply at once. Edits of a product that is not on sale
 * (pending, rejected, delisted) replace its content and send it (back) to the review queue.
 */
public final class Products {

  private final ProductRepository repository;
  private final Brands brands;
  private final AccountService accounts;

  Products(ProductRepository repository, Brands brands, AccountService accounts) {
    this.repository = repository;
    this.brands = brands;
    this.accounts = accounts;
  }

  /** A product's key within its brand. */
  public record SkuKey(long brandId, String sku) {
  }

  /** The ids among these that name a product (in any status): what the sales import checks its rows against. */
  public Future<java.util.Set<Long>> existingIds(java.util.Collection<Long> ids) {
    return repository.existingIds(ids);
  }

  /** Product ids by brand and SKU, for the pairs {@code brandIds[i]}/{@code skus[i]} that name a product. */
  public Future<java.util.Map<SkuKey, Long>> idsBySku(List<Long> brandIds, List<String> skus) {
    return repository.idsBySku(brandIds, skus);
  }

  /** For features that sell products (live sessions, selection): may this product be sold now? */
  public Future<Boolean> isApproved(long productId) {
    return repository.isApproved(productId);
  }

  /** Whether the caller may see this product: managers all, partners their brand's, streamers approved ones. */
  public Future<Boolean> visibleTo(Principal principal, long productId) {
    return repository.ownerAndStatus(productId).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(false);
      if (principal.is(Role.MANAGER)) return Future.succeededFuture(true);
      if (principal.is(Role.STREAMER)) return Future.succeededFuture(Product.APPROVED.equals(found.get().getString("status")));
      long owner = found.get().getLong("brand_id");
      return brands.brandOf(principal.accountId()).map(brand -> brand.filter(id -> id == owner).isPresent());
    });
  }

  public Future<Product> get(long id) {
    return repository.find(repository.pool(), id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(noSuchProduct(id))));
  }

  public Future<ProductRepository.PageOf> search(Principal principal, ProductQuery query) {
    return brands.scopeOf(principal).compose(scope -> repository.search(
        query.confinedTo(scope.orElse(null), principal.is(Role.STREAMER) ? Product.APPROVED : null)));
  }

  public Future<Product> create(Principal principal, Long requestedBrand, ProductFields fields) {
    requireValid(fields);
    return brands.scopeOf(principal).compose(scope -> {
      Long brandId = scope.orElse(requestedBrand);
      if (brandId == null) return Future.failedFuture(ProblemException.invalidField("brandId", "is required for managers"));
      return brands.get(brandId).compose(brand -> repository.insert(brandId, fields));
    }).compose(created -> created.map(this::get).orElseGet(() -> Future.failedFuture(ProblemException.conflict("sku-taken",
        "The brand already has a product with SKU " + fields.sku() + "."))));
  }

  /** Applies a (partial) edit under the review rule in the class comment. */
  public Future<Product> edit(Principal principal, long id, JsonObject changes) {
    return repository.pool().withTransaction(tx -> repository.find(tx, id).compose(found -> {
      Product product = found.orElseThrow(() -> noSuchProduct(id));
      ProductFields base = product.pendingRevision() != null
          ? ProductFields.fromJson(product.pendingRevision(), null).withStock(product.fields().stock()) : product.fields();
      ProductFields next = ProductFields.fromJson(changes, base);
      requireValid(next);
      if (!next.sku().equals(product.fields().sku())) {
        return Future.failedFuture(ProblemException.ruleViolated("sku-immutable",
            "A product's SKU cannot change; create a new product instead."));
      }
      return apply(tx, principal, product, next);
    })).compose(v -> get(id));
  }

  private Future<Void> apply(SqlClient tx, Principal principal, Product product, ProductFields next) {
    long id = product.id();
    if (principal.is(Role.MANAGER)) return repository.updateInPlace(tx, id, next);
    if (!product.approved()) return repository.updateUnapproved(tx, id, next);
    Future<Void> stock = next.stock() == product.fields().stock() ? Future.succeededFuture()
        : repository.setStock(tx, id, next.stock());
    // back to the approved version: nothing is left to review
    if (next.sameForSaleAs(product.fields())) return stock.compose(v -> repository.withdrawRevision(tx, id));
    return stock.compose(v -> repository.propose(tx, id, next, principal.accountId()));
  }

  /** Partners take their own products off sale; managers any. A delisted product is re-reviewed when edited. */
  public Future<Product> delist(long id, long accountId) {
    return repository.pool().withTransaction(tx -> repository.setStatus(tx, id, Product.DELISTED, null,
            Product.PENDING, Product.APPROVED, Product.REJECTED)
        .compose(changed -> changed ? repository.decide(tx, id, null, Product.DELISTED, null, accountId)
            : Future.failedFuture(ProblemException.ruleViolated("already-delisted", "The product is already delisted."))))
        .compose(v -> get(id));
  }

  public Future<List<JsonObject>> history(long id) {
    return repository.history(id).compose(decisions -> accounts
        .names(decisions.stream().map(ProductRepository.Decision::decidedBy).collect(Collectors.toSet()))
        .map(names -> decisions.stream().map(d -> {
          AccountName by = names.get(d.decidedBy());
          return d.json().put("decidedBy", new JsonObject().put("username", by == null ? null : by.username())
              .put("displayName", by == null ? null : by.displayName()));
        }).toList()));
  }

  // --- review by managers ---

  public Future<ProductRepository.PageOf> reviewQueue(Long brandId, int limit, int offset) {
    return repository.queue(brandId, limit, offset);
  }

  /** Approves the pending revision if there is one, else the pending product. */
  public Future<Product> approve(long id, long managerId) {
    return repository.pool().withTransaction(tx -> approveIn(tx, id, managerId)).compose(v -> get(id));
  }

  public Future<JsonObject> approveAll(List<Long> ids, long managerId) {
    return repository.pool().withTransaction(tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (long id : ids) chain = chain.compose(v -> approveIn(tx, id, managerId));
      return chain;
    }).map(v -> new JsonObject().put("approved", ids.size()));
  }

  private Future<Void> approveIn(SqlClient tx, long id, long managerId) {
    return decide(tx, id, Product.APPROVED, null, managerId);
  }

  /** Rejects the pending revision (the approved version keeps selling) or else the pending product. */
  public Future<Product> reject(long id, String reason, long managerId) {
    if (reason == null || reason.isBlank()) throw ProblemException.invalidField("reason", "is required");
    return repository.pool().withTransaction(tx -> decide(tx, id, Product.REJECTED, reason, managerId)).compose(v -> get(id));
  }

  /** A decision is on the pending revision if there is one, else on the pending product; both are recorded. */
  private Future<Void> decide(SqlClient tx, long id, String decision, String reason, long managerId) {
    boolean approve = Product.APPROVED.equals(decision);
    return repository.lockPendingRevision(tx, id).compose(revision -> {
      if (revision.isPresent()) {
        long revisionId = revision.get();
        return (approve ? repository.applyRevision(tx, revisionId) : repository.rejectRevision(tx, revisionId))
            .compose(v -> repository.decide(tx, id, revisionId, decision, reason, managerId));
      }
      return repository.setStatus(tx, id, decision, reason, Product.PENDING).compose(changed -> changed
          ? repository.decide(tx, id, null, decision, reason, managerId)
          : Future.failedFuture(nothingToReview(id)));
    });
  }

  private static void requireValid(ProductFields fields) {
    var problems = fields.problems();
    if (!problems.isEmpty()) throw ProblemException.validation(problems);
  }

  private static ProblemException nothingToReview(long id) {
    return ProblemException.ruleViolated("nothing-to-review", "Product " + id + " has no pending version to review.");
  }

  static ProblemException noSuchProduct(long id) {
    return ProblemException.notFound("There is no product " + id + ".");
  }
}
