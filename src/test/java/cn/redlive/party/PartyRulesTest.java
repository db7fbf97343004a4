package cn.redlive.party;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static cn.redlive.support.People.meeting;
import static cn.redlive.support.People.training;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The server enforces the Party development rules")
class PartyRulesTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("the five stages follow one another and a full record reads back with every dated step")
  void wholeRoad() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    people.ok(id, "approval", "2021-10-15");
    JsonObject full = people.ok(id, "full_membership", "2022-09-01");

    assertEquals("full_member", full.getString("stage"));
    assertEquals(8, full.getJsonArray("steps").size());
    assertEquals("2022-09-01", full.getString("probationEndsOn"));
  }

  @Test
  @DisplayName("no stage may be skipped")
  void noSkippedStage() {
    long id = people.streamer();
    assertProblem(people.step(id, "activist", "2020-01-10"), 422, "stage-skipped");
    people.ok(id, "application", "2020-01-10");
    assertProblem(people.step(id, "development_target", "2022-01-10"), 422, "stage-skipped");
    assertProblem(people.step(id, "branch_meeting", "2022-01-10"), 422, "stage-skipped");
  }

  @Test
  @DisplayName("a stage already reached cannot be entered again")
  void noRepeatedStage() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    people.ok(id, "activist", "2020-03-01");
    assertProblem(people.step(id, "application", "2020-04-01"), 422, "stage-already-reached");
  }

  @Test
  @DisplayName("an applicant must be 18 on the day of the application, not a day younger")
  void applicantAtLeast18() {
    long young = people.streamer(LocalDate.of(2002, 6, 15));
    assertProblem(people.step(young, "application", "2020-06-14"), 422, "applicant-under-18");
    assertEquals("applicant", people.ok(young, "application", "2020-06-15").getString("stage"));
  }

  @Test
  @DisplayName("an activist becomes a development target only after more than one year")
  void activistMoreThanOneYear() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    people.ok(id, "activist", "2020-03-01");
    people.ok(id, training("2020-06-01", 24));
    assertProblem(people.step(id, "development_target", "2021-03-01"), 422, "activist-less-than-one-year");
    assertEquals("development_target", people.ok(id, "development_target", "2021-03-02").getString("stage"));
  }

  @Test
  @DisplayName("a development target needs at least 24 class hours of training by that day")
  void trainingHoursBeforeTarget() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    people.ok(id, "activist", "2020-03-01");
    people.ok(id, training("2020-06-01", 16));
    people.ok(id, training("2020-07-01", 7.5));
    assertProblem(people.step(id, "development_target", "2021-06-01"), 422, "training-hours-insufficient");
    people.ok(id, training("2021-06-01", 0.5));
    assertEquals("development_target", people.ok(id, "development_target", "2021-06-01").getString("stage"));
  }

  @Test
  @DisplayName("the branch meeting needs more than half present and yes votes from more than half of those entitled")
  void branchMeetingVotes() {
    long id = people.streamer();
    people.toDevelopmentTarget(id);
    assertProblem(people.step(id, meeting("2021-09-01", 20, 10, 10)), 422, "branch-meeting-quorum");
    assertProblem(people.step(id, meeting("2021-09-01", 20, 15, 10)), 422, "branch-meeting-majority");
    assertProblem(people.step(id, new JsonObject().put("kind", "branch_meeting").put("on", "2021-09-01")), 400, "validation");
    assertEquals("probationary", people.ok(id, meeting("2021-09-01", 20, 11, 11)).getString("stage"));
  }

  @Test
  @DisplayName("the higher committee approves within six months of the branch meeting, once")
  void approvalWindow() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    assertProblem(people.step(id, "approval", "2022-03-02"), 422, "approval-deadline-passed");
    people.ok(id, "approval", "2022-03-01");
    assertProblem(people.step(id, "approval", "2022-03-05"), 422, "approval-already-given");
  }

  @Test
  @DisplayName("probation lasts one year from the branch meeting and cannot end before")
  void probationOneYear() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    assertProblem(people.step(id, "full_membership", "2022-09-01"), 422, "approval-missing");
    people.ok(id, "approval", "2021-10-01");
    assertProblem(people.step(id, "full_membership", "2022-08-31"), 422, "probation-not-over");
    assertEquals("full_member", people.ok(id, "full_membership", "2022-09-01").getString("stage"));
  }

  @Test
  @DisplayName("probation can be extended once, by 6 to 12 months, which moves its end")
  void extensionOnce() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    people.ok(id, "approval", "2021-10-01");
    assertProblem(people.step(id, new JsonObject().put("kind", "extension").put("on", "2022-09-01").put("months", 5)),
        422, "extension-out-of-range");
    assertProblem(people.step(id, new JsonObject().put("kind", "extension").put("on", "2022-09-01").put("months", 13)),
        422, "extension-out-of-range");
    JsonObject extended = people.ok(id, new JsonObject().put("kind", "extension").put("on", "2022-09-01").put("months", 6));
    assertEquals("2023-03-01", extended.getString("probationEndsOn"));
    assertProblem(people.step(id, new JsonObject().put("kind", "extension").put("on", "2022-10-01").put("months", 6)),
        422, "probation-already-extended");
    assertProblem(people.step(id, "full_membership", "2023-02-28"), 422, "probation-not-over");
  }

  @Test
  @DisplayName("a probation can be cancelled, after which the record is closed")
  void cancellation() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    assertEquals("cancelled", people.ok(id, "cancellation", "2022-01-10").getString("stage"));
    assertProblem(people.step(id, "approval", "2022-01-11"), 422, "record-closed");

    long applicant = people.streamer();
    people.ok(applicant, "application", "2020-01-10");
    assertProblem(people.step(applicant, "cancellation", "2020-02-10"), 422, "stage-skipped");
  }

  @Test
  @DisplayName("back-dated steps are checked against the same rules and must follow the earlier steps")
  void backDated() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    people.ok(id, "activist", "2020-03-01");
    assertProblem(people.step(id, "assessment", "2020-02-01"), 422, "step-out-of-order");
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    assertProblem(people.step(id, "assessment", tomorrow), 422, "step-in-future");
  }

  @Test
  @DisplayName("steps belong to their stage: one talk, held while an applicant")
  void stepsInTheirStage() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    people.ok(id, "talk", "2020-01-20");
    assertProblem(people.step(id, "talk", "2020-01-25"), 422, "talk-already-held");
    people.ok(id, "activist", "2020-03-01");
    assertProblem(people.step(id, "talk", "2020-03-05"), 422, "step-not-allowed-in-stage");
    assertProblem(people.step(id, "extension", "2020-03-05"), 422, "step-not-allowed-in-stage");
  }

  @Test
  @DisplayName("a streamer that does not exist answers 404")
  void unknownStreamer() {
    assertProblem(people.step(987654321L, "application", "2020-01-10"), 404, "not-found");
  }
}
