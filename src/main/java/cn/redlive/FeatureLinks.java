package cn.redlive;

import cn.redlive.account.AccountService;
import cn.redlive.brand.Brands;
import cn.redlive.core.Role;
import cn.redlive.party.PartyService;
import cn.redlive.study.StudyService;
import cn.redlive.live.SessionRules;
import cn.redlive.report.PeoplePanel;
import cn.redlive.product.Products;
import cn.redlive.selection.SelectionLists;
import cn.redlive.streamer.StreamerService;
import cn.redlive.team.TeamMembership;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where features that depend on each other are connected, through their public services only. */
final class FeatureLinks {

  private FeatureLinks() {
  }

  /** A sales report's view of a streamer: profile, latest screening, Party record and study progress. */
  static PeoplePanel peoplePanel(StreamerService streamers, PartyService party, StudyService study, Brands brands) {
    return new PeoplePanel() {
      @Override
      public Future<JsonObject> reviewOf(long streamerId) {
        return streamers.get(streamerId).compose(streamer -> {
          var screenings = streamers.screenings(streamerId);
          var record = party.record(streamerId);
          var progress = study.summary(streamerId, null);
          return Future.all(screenings, record, progress).map(done -> new JsonObject()
              .put("streamer", streamer.toJson())
              .put("screening", screenings.result().isEmpty() ? null
                  : screenings.result().get(0).toJson()) // newest first
              .put("party", record.result())
              .put("study", progress.result()));
        });
      }

      @Override
      public Future<Long> streamerIdOf(long accountId) {
        return streamers.ofAccount(accountId).map(s -> (Long) s.id()).otherwise(e -> null);
      }

      @Override
      public Future<Long> brandOf(long accountId) {
        return brands.brandOf(accountId).map(brand -> brand.orElse(null));
      }
    };
  }

  /** Live sessions sell approved products the streamer selected, and belong to the streamer's team at the time. */
  static SessionRules sessionRules(AccountService accounts, Products products, SelectionLists selections,
                                   StreamerService streamers, TeamMembership memberships) {
    return new SessionRules() {
      @Override
      public Future<Boolean> isActiveStreamer(long accountId) {
        return accounts.get(accountId).map(account -> account.role() == Role.STREAMER && account.active())
            .otherwise(missing -> false);
      }

      @Override
      public Future<List<String>> refusedProducts(long streamerAccountId, List<Long> productIds) {
        List<Future<String>> checks = new ArrayList<>();
        for (long productId : productIds) {
          checks.add(products.isApproved(productId).compose(approved -> {
            if (!approved) return Future.succeededFuture("product " + productId + " is not approved for sale");
            return selections.isSelected(streamerAccountId, productId)
                .map(selected -> selected ? null : "product " + productId + " is not on the streamer's selection list");
          }));
        }
        return Future.all(checks).map(done -> checks.stream().map(Future::result).filter(r -> r != null).toList());
      }

      @Override
      public Future<java.util.Map<Long, String>> streamerNames(java.util.Collection<Long> accountIds) {
        return accounts.displayNames(accountIds);
      }

      @Override
      public Future<Long> teamAt(long streamerAccountId, Instant at) {
        // an account without a streamer profile sells in no team
        return streamers.ofAccount(streamerAccountId)
            .compose(streamer -> memberships.teamAt(streamer.id(), at))
            .map(team -> team.orElse(null))
            .otherwise(e -> null);
      }
    };
  }
}
