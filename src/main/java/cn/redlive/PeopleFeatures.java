package cn.redlive;

import cn.redlive.account.AccountService;
import cn.redlive.party.PartyRoutes;
import cn.redlive.party.PartyService;
import cn.redlive.streamer.StreamerAccess;
import cn.redlive.streamer.StreamerRoutes;
import cn.redlive.streamer.StreamerService;
import cn.redlive.study.StudyRoutes;
import cn.redlive.study.StudyService;
import cn.redlive.team.TeamRoutes;
import cn.redlive.sales.SalesLedger;
import cn.redlive.sales.SalesLedgerRepository;
import cn.redlive.team.TeamService;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.ObjectAccess;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** The people features (streamers, teams, Party development, study corner), wired once and shared by all verticles. */
record PeopleFeatures(TeamService teams, StreamerService streamers, PartyService party, StudyService study) {

  static PeopleFeatures create(Pool pool, AccountService accounts, Clock clock) {
    TeamService teams = new TeamService(pool, clock, new SalesLedger(new SalesLedgerRepository(pool))::latestSaleOf);
    StreamerService streamers = new StreamerService(pool, accounts, teams.memberships(), clock);
    StudyService study = new StudyService(pool, streamers, clock);
    PartyService party = new PartyService(pool, streamers, study::courseHoursBy, clock);
    streamers.onStatusChange(party::streamerStatusChanged);
    return new PeopleFeatures(teams, streamers, party, study);
  }

  void register(ApiRoutes api) {
    ObjectAccess selfOrManager = StreamerAccess.selfOrManager(streamers);
    new StreamerRoutes(streamers).register(api);
    new TeamRoutes(teams, selfOrManager).register(api);
    new PartyRoutes(party, selfOrManager).register(api);
    new StudyRoutes(study, selfOrManager).register(api);
  }
}
