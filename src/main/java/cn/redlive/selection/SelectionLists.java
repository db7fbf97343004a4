package cn.redlive.selection;

import cn.redlive.platform.BaseDays;
import java.time.Clock;
import cn.redlive.account.AccountService;
import cn.redlive.brand.Brands;
import cn.redlive.product.Products;
import cn.redlive.core.Principal;
import cn.redlive.core.ProblemException;
import cn.redlive.core.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.List;

/**
 * Selection (选品): each streamer (captains included) keeps lists of approved products for upcoming sessions.
 * A list is the streamer's own; managers read all lists; brand partners only see which of their products were
 * picked, never whose lists they are in.
 */
public final class SelectionLists {


  private final SelectionRepository repository;
  private final Clock clock;
  private final Products products;
  private final Brands brands;
  private final AccountService accounts;

  SelectionLists(SelectionRepository repository, Products products, Brands brands, AccountService accounts, Clock clock) {
    this.repository = repository;
    this.accounts = accounts;
    this.clock = clock;
    this.products = products;
    this.brands = brands;
  }

  /** For live ingestion: did this streamer select this product for a session? */
  public Future<Boolean> isSelected(long streamerAccountId, long productId) {
    return repository.isSelected(streamerAccountId, productId);
  }

  Future<JsonObject> create(long streamerId, String title, LocalDate plannedDate) {
    if (plannedDate.isBefore(BaseDays.today(clock))) {
      return Future.failedFuture(ProblemException.ruleViolated("planned-date-past",
          "A selection list is for an upcoming session; the planned date " + plannedDate + " has passed."));
    }
    return repository.create(streamerId, title.trim(), plannedDate).compose(this::get);
  }

  Future<JsonObject> get(long id) {
    return repository.find(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(noSuchList(id))))
        .compose(list -> withStreamerNames(List.of(list))).map(named -> named.get(0));
  }

  /** Streamers list their own lists; managers everybody's (optionally one streamer's). */
  Future<JsonArray> list(Principal principal, Long streamerId, boolean upcomingOnly) {
    Long owner = principal.is(Role.MANAGER) ? streamerId : Long.valueOf(principal.accountId());
    return repository.list(owner, upcomingOnly ? BaseDays.today(clock) : null)
        .compose(lists -> withStreamerNames(lists.stream().map(JsonObject.class::cast).toList()))
        .map(JsonArray::new);
  }

  private Future<List<JsonObject>> withStreamerNames(List<JsonObject> lists) {
    return accounts.withDisplayNames(lists, list -> list.getLong("streamerId"),
        (list, name) -> list.put("streamerName", name));
  }

  Future<Boolean> isOwner(Principal principal, long listId) {
    return repository.owner(listId).map(owner -> owner.filter(id -> id == principal.accountId()).isPresent());
  }

  Future<JsonObject> add(long listId, long productId, String note) {
    return products.isApproved(productId).compose(approved -> approved
            ? repository.add(listId, productId, note)
            : Future.failedFuture(ProblemException.ruleViolated("product-not-approved",
                "Only approved products can be selected; product " + productId + " is not approved (or does not exist).")))
        .compose(v -> get(listId));
  }

  Future<JsonObject> remove(long listId, long productId) {
    return repository.remove(listId, productId).compose(removed -> removed ? get(listId)
        : Future.failedFuture(ProblemException.notFound("Product " + productId + " is not on list " + listId + ".")));
  }

  /**
   * Managers: the most selected products overall; partners: their own brand's selected products. Only lists for
   * sessions planned within [from, to] count (either end open when null).
   */
  Future<JsonArray> mostSelected(Principal principal, int limit, LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      return Future.failedFuture(ProblemException.invalidField("to", "must not be before from"));
    }
    return brands.scopeOf(principal).compose(scope -> repository.mostSelected(scope.orElse(null), limit, from, to));
  }

  private static ProblemException noSuchList(long id) {
    return ProblemException.notFound("There is no selection list " + id + ".");
  }
}
