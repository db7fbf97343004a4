package cn.redlive;

import cn.redlive.account.AccountFeature;
import cn.redlive.account.LoginLimits;
import cn.redlive.brand.BrandFeature;
import cn.redlive.catalog.CatalogFeature;
import cn.redlive.enterprise.EnterpriseFeature;
import cn.redlive.live.LiveFeature;
import cn.redlive.party.PartyFeature;
import cn.redlive.platform.AppConfig;
import cn.redlive.platform.Broadcast;
import cn.redlive.platform.Redis;
import cn.redlive.product.ProductFeature;
import cn.redlive.report.ReportFeature;
import cn.redlive.sales.SalesFeature;
import cn.redlive.selection.SelectionFeature;
import cn.redlive.streamer.StreamerFeature;
import cn.redlive.study.StudyFeature;
import cn.redlive.target.TargetFeature;
import cn.redlive.team.TeamFeature;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import cn.redlive.web.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The composition root: every feature is created here, once per server, and handed the features it depends on
 * (their public services only) and the one clock. Each feature builds its own repository, services and routes.
 */
record Features(AccountFeature account, BrandFeature brand, ProductFeature product, CatalogFeature catalog,
                SelectionFeature selection, TeamFeature team, StreamerFeature streamer, StudyFeature study,
                PartyFeature party, LiveFeature live, SalesFeature sales, EnterpriseFeature enterprise,
                TargetFeature target, ReportFeature report) {

  static Features wire(Vertx vertx, AppConfig config, Pool pool, Redis redis, MeterRegistry registry, Tokens tokens,
                       Broadcast accountNews, Clock clock) {
    AccountFeature account = new AccountFeature(vertx, pool, tokens, config.pbkdf2Iterations(),
        new LoginLimits(config.freeFailedLogins(), config.hashingThreads(), config.concurrentLoginsPerName(),
            config.concurrentLoginsPerAddress()), registry, accountNews, clock);
    BrandFeature brand = new BrandFeature(pool, account.service());
    ProductFeature product = new ProductFeature(pool, brand.brands(), account.service());
    CatalogFeature catalog = new CatalogFeature(vertx, pool, brand.brands(), config.dataDir(),
        Duration.ofSeconds(config.catalogImportLeaseSeconds()));
    SelectionFeature selection = new SelectionFeature(pool, product.products(), brand.brands(), account.service(), clock);
    SalesFeature sales = new SalesFeature(pool, account.service(), product.products(), clock);

    TeamFeature team = new TeamFeature(pool, clock, sales.ledger()::latestSaleOf);
    StreamerFeature streamer = new StreamerFeature(pool, account.service(), team.teams().memberships(), clock);
    team.guardStreamerRoutesWith(streamer.selfOrManager());
    StudyFeature study = new StudyFeature(pool, streamer.streamers(), streamer.selfOrManager(), clock);
    PartyFeature party = new PartyFeature(pool, streamer.streamers(), account.service(), study.study()::courseHoursBy,
        streamer.selfOrManager(), clock);

    LiveFeature live = new LiveFeature(vertx, pool, redis, registry, FeatureLinks.sessionRules(account.service(), product.products(),
        selection.lists(), streamer.streamers(), team.teams().memberships()), account.gate(),
        config.liveStreamBytes(), config.liveSettleEveryMs(), config.liveSettleBatch(), clock, sales.liveOrders());

    EnterpriseFeature enterprise = new EnterpriseFeature(pool, sales.totals(), clock);
    TargetFeature target = new TargetFeature(pool, sales.totals(), enterprise.enterprises(), clock);
    ReportFeature report = new ReportFeature(pool, target.targets(),
        FeatureLinks.peoplePanel(streamer.streamers(), party.party(), study.study(), brand.brands()), clock);
    return new Features(account, brand, product, catalog, selection, team, streamer, study, party, live, sales,
        enterprise, target, report);
  }

  List<Feature> all() {
    return List.of(account, live, streamer, team, party, study, brand, product, catalog, selection, sales, enterprise,
        target, report);
  }

  /** Every feature's operations, for the router (a new set per HTTP verticle; the features are shared). */
  ApiRoutes routes() {
    ApiRoutes api = new ApiRoutes();
    all().forEach(feature -> feature.register(api));
    return api;
  }
}
