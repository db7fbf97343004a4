package cn.redlive.demo;

import cn.redlive.party.PartyService;
import cn.redlive.platform.BaseDays;
import cn.redlive.streamer.NewStreamer;
import cn.redlive.streamer.Streamer;
import cn.redlive.streamer.StreamerService;
import cn.redlive.study.StudyItem;
import cn.redlive.study.StudyService;
import cn.redlive.team.Team;
import cn.redlive.team.TeamService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo set "people-v1": four teams, thirty streamers at every one of the 25 Party steps (the steps go through the same
 * rules as a manager's, back-dated from today), screenings, and study-corner items with progress.
 */
public final class PeopleDemoData {

  private static final List<String> TEAMS = List.of("枸杞红队", "滩羊先锋队", "贺兰山葡萄酒队", "六盘山特产队");

  /** The six demo streamer accounts come first; the rest are talent-pool members without a login yet. */
  private static final List<String> LINKED_ACCOUNTS = List.of(
      "streamer.wang", "streamer.zhang", "streamer.liu", "streamer.hai", "streamer.na", "streamer.yang");

  private static final String[][] PEOPLE = {
      {"王小燕", "小燕说枸杞"}, {"张海龙", "龙哥卖滩羊"}, {"刘静", "静静的葡萄园"}, {"海燕", "燕子回宁夏"},
      {"纳文博", "文博带货"}, {"杨春花", "春花姐"}, {"马晓梅", "晓梅优选"}, {"李建军", "建军直播间"},
      {"丁雪", "雪儿好物"}, {"田志强", "强哥说农产"}, {"周丽娟", "丽娟的厨房"}, {"马文华", "文华红枸杞"},
      {"白玉兰", "玉兰花开"}, {"苏建平", "平哥甄选"}, {"金凤", "金凤凰"}, {"韩东", "东子滩羊"},
      {"马秀英", "秀英家乡味"}, {"罗斌", "斌斌酒庄"}, {"何晓红", "晓红助农"}, {"高鹏", "鹏程好货"},
      {"沙丽", "沙丽葡萄酒"}, {"冯静怡", "静怡小铺"}, {"拓海", "拓海带你逛宁夏"}, {"虎小军", "小军甄品"},
      {"锁娟", "娟子枸杞"}, {"黑玉梅", "玉梅土特产"}, {"陈浩", "浩哥红色课堂"}, {"余晓东", "晓东贺兰山"},
      {"保丽", "丽丽滩羊汤"}, {"撒文静", "文静说葡萄"}};

  private PeopleDemoData() {
  }

  public static Future<Void> load(Pool pool, TeamService teams, StreamerService streamers, PartyService party,
                                  StudyService study, Clock clock) {
    return DemoData.loadOnce(pool, "people-v1", () -> new Loader(pool, teams, streamers, party, study, clock).run());
  }

  private static final class Loader {
    private final Pool pool;
    private final TeamService teams;
    private final StreamerService streamers;
    private final PartyService party;
    private final StudyService study;
    private final LocalDate today;
    private final List<Long> teamIds = new ArrayList<>();
    private final List<StudyItem> items = new ArrayList<>();
    private long managerId;

    Loader(Pool pool, TeamService teams, StreamerService streamers, PartyService party, StudyService study, Clock clock) {
      this.today = BaseDays.today(clock);
      this.pool = pool;
      this.teams = teams;
      this.streamers = streamers;
      this.party = party;
      this.study = study;
    }

    Future<Void> run() {
      Future<Void> chain = accountId("manager.ma").map(id -> {
        managerId = id;
        return null;
      });
      for (String name : TEAMS) chain = chain.compose(v -> teams.create(name).map(Team::id).map(teamIds::add).mapEmpty());
      chain = chain.compose(v -> publishStudyItems());
      // profiles one after another, so the demo's ids follow the list; then everyone's history at once: each
      // streamer's steps are their own transactions, and overlapping them cuts the first --demo start by seconds
      List<Streamer> created = new ArrayList<>();
      for (int i = 0; i < PEOPLE.length; i++) {
        int index = i;
        chain = chain.compose(v -> create(index)).map(created::add).mapEmpty();
      }
      return chain.compose(v -> {
        List<Future<Void>> histories = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) histories.add(history(created.get(i), i));
        return Future.all(histories).mapEmpty();
      });
    }

    private Future<Void> publishStudyItems() {
      return study.publish(item("学习党的二十大精神专题文章", "article", 20, 0, 5), managerId).map(items::add)
          .compose(v -> study.publish(item("《发展党员工作细则》解读视频", "video", 45, 0, 10), managerId)).map(items::add)
          .compose(v -> study.publish(item("红色直播间主播职业道德课程", "course", 480, 8, 20), managerId)).map(items::add)
          .compose(v -> study.publish(item("党的基本理论集中培训（上）", "course", 720, 12, 25), managerId)).map(items::add)
          .compose(v -> study.publish(item("党的基本理论集中培训（下）", "course", 720, 12, 25), managerId)).map(items::add)
          .compose(v -> study.publish(item("乡村振兴与宁夏特色产业", "article", 15, 0, 5), managerId)).map(items::add)
          .mapEmpty();
    }

    /** Each demo item links to content the study page opens; the first article has a two-question quiz. */
    private StudyService.NewItem item(String title, String kind, int minutes, double classHours, int points) {
      boolean article = "article".equals(kind);
      JsonArray quiz = items.isEmpty() ? new JsonArray()
          .add(new JsonObject().put("question", "发展党员要经过几个阶段？").put("options", new JsonArray().add("三个").add("五个")).put("answer", 1))
          .add(new JsonObject().put("question", "预备期为多长时间？").put("options", new JsonArray().add("一年").add("两年")).put("answer", 0))
          : new JsonArray();
      return new StudyService.NewItem(title, kind, minutes, classHours, points,
          article ? null : "https://www.12371.cn/special/xxkt/", article ? title + "。坚持以习近平新时代中国特色社会主义思想为指导……" : null, quiz);
    }

    private Future<Streamer> create(int i) {
      Future<Long> account = i < LINKED_ACCOUNTS.size() ? accountId(LINKED_ACCOUNTS.get(i)) : Future.succeededFuture(null);
      LocalDate birth = LocalDate.of(1988 + i % 14, 1 + i % 12, 1 + i % 27);
      return account.compose(accountId -> streamers.create(new NewStreamer(accountId, PEOPLE[i][0], PEOPLE[i][1],
          "1399510" + String.format("%04d", i), i % 3 == 0 ? "个体商户" : i % 3 == 1 ? "农民" : "大学毕业生",
          birth, today.minusDays(200L + i * 25L))));
    }

    /** Team, captaincy, screening, Party steps and study progress of the i-th demo streamer. */
    private Future<Void> history(Streamer s, int i) {
      long teamId = teamIds.get(i % TEAMS.size());
      String decision = i % 10 == 9 ? "defer" : i % 13 == 12 ? "reject" : "admit";
      return teams.memberships().move(s.id(), teamId, today.minusDays(180L - i).atStartOfDay(BaseDays.ZONE).toInstant())
          .compose(v -> i < TEAMS.size() ? teams.appointCaptain(teamId, s.id()).mapEmpty() : Future.succeededFuture())
          .compose(v -> streamers.screen(s.id(), new StreamerService.Assessment(4 + i % 2, 3 + i % 3,
              "思想端正，带货能力较强", decision, today.minusDays(150L - i)), managerId))
          .compose(v -> partySteps(s.id(), i))
          .compose(v -> studyProgress(s.id(), i));
    }

    /**
     * The road through all 25 steps with each step's day counted from the application, spaced as the 细则 allows
     * (more than a year as activist, the conversion meeting when the probation year is up).
     */
    private static final Object[][] ROAD = {
        {"application", 0}, {"talk", 10}, {"activist", 40}, {"activist_filing", 50}, {"contacts", 55},
        {"assessment", 220}, {"development_target", 420}, {"target_filing", 430}, {"sponsors", 440},
        {"political_review", 470}, {"training", 480}, {"committee_review", 500}, {"pre_review", 515},
        {"application_form", 525}, {"branch_meeting", 540}, {"committee_talk", 560}, {"approval", 600},
        {"probation_filing", 610}, {"assignment", 615}, {"oath", 620}, {"probation_assessment", 720},
        {"conversion_application", 880}, {"conversion_meeting", 910}, {"conversion_approval", 935}, {"archiving", 950}};

    /**
     * Streamer 0 has not applied; streamers 1 to 25 have reached step 1 to 25 of the road; 26 had the probation
     * extended, 27 had it cancelled, 28 and 29 are full members with their records filed. Each streamer's last step
     * lies a few days back from today, so the due view shows what each one owes next; the rules check every step.
     */
    private Future<Void> partySteps(long id, int i) {
      if (i == 0) return Future.succeededFuture();
      int reached = i <= ROAD.length ? i : i == 26 ? 21 : i == 27 ? 20 : ROAD.length;
      int lastDay = i == 26 ? 910 : i == 27 ? 700 : (int) ROAD[reached - 1][1];
      LocalDate applied = today.minusDays(lastDay + 3L + i % 7);
      List<PartyService.NewStep> steps = new ArrayList<>();
      for (int k = 0; k < reached; k++) steps.add(step((String) ROAD[k][0], applied.plusDays((int) ROAD[k][1])));
      if (i == 26) steps.add(new PartyService.NewStep("extension", applied.plusDays(910), null, null, 6, notes("预备期满，支部大会决定延长六个月")));
      if (i == 27) steps.add(new PartyService.NewStep("cancellation", applied.plusDays(700), null, null, null, notes("不具备党员条件，取消预备党员资格")));
      Future<Void> chain = Future.succeededFuture();
      for (PartyService.NewStep step : steps) chain = chain.compose(v -> party.recordStep(id, step, managerId).mapEmpty());
      return chain;
    }

    private static PartyService.NewStep step(String kind, LocalDate on) {
      return switch (kind) {
        case "contacts" -> new PartyService.NewStep(kind, on, null, null, null,
            new JsonObject().put("contacts", new JsonArray().add("马建国").add("李秀兰")));
        case "sponsors" -> new PartyService.NewStep(kind, on, null, null, null,
            new JsonObject().put("sponsors", new JsonArray().add("马建国").add("周海峰")));
        case "political_review" -> new PartyService.NewStep(kind, on, null, null, null,
            new JsonObject().put("conclusion", "政治审查合格：本人及直系亲属政治历史清楚，无违法违纪记录"));
        case "training" -> new PartyService.NewStep(kind, on, 24.0, 3, null, notes("基地党委入党积极分子培训班"));
        case "branch_meeting", "conversion_meeting" -> new PartyService.NewStep(kind, on, null, null, null,
            new JsonObject().put("entitledVoters", 21).put("present", 18).put("yesVotes", 17).put("notes", "支部大会表决通过"));
        case "assignment" -> new PartyService.NewStep(kind, on, null, null, null, new JsonObject().put("branch", "直播基地党支部第一党小组"));
        default -> new PartyService.NewStep(kind, on, null, null, null, null);
      };
    }

    private static JsonObject notes(String text) {
      return new JsonObject().put("notes", text);
    }

    /** A few days of study for most; every fifth streamer has not studied for two weeks, so shows as behind. */
    private Future<Void> studyProgress(long id, int i) {
      Future<Void> chain = Future.succeededFuture();
      int daysBack = i % 5 == 4 ? 20 : 0;
      int done = 1 + i % items.size();
      for (int k = 0; k < done; k++) {
        StudyItem item = items.get(k);
        LocalDate day = today.minusDays(daysBack + (done - k));
        chain = chain.compose(v -> study.recordDeclaredProgressOf(id, item.id(), item.minutes(), true,
            day.atTime(LocalTime.of(20, 30)).atZone(BaseDays.ZONE).toInstant()).mapEmpty());
      }
      return chain;
    }

    private Future<Long> accountId(String username) {
      return new DemoRepository(pool).accountId(username);
    }
  }
}
