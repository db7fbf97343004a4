package cn.redlive.party;

import cn.redlive.support.Api;
import cn.redlive.support.People;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.redlive.support.People.meeting;
import static cn.redlive.support.People.named;
import static cn.redlive.support.People.review;
import static cn.redlive.support.People.training;
import static cn.redlive.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("The server enforces the Party development rules of the 25 steps")
class PartyRulesTest {

  private final Api api = TestApp.shared().api();
  private final People people = new People(api);

  @Test
  @DisplayName("all 25 steps read back dated, numbered, in their five stages, with who recorded them")
  void allTwentyFiveSteps() {
    long id = people.streamer();
    people.toApproved(id, "2021-09-01", "2021-10-15");
    people.ok(id, "probation_filing", "2021-10-20");
    people.ok(id, new JsonObject().put("kind", "assignment").put("on", "2021-10-21")
        .put("details", new JsonObject().put("branch", "第一党小组")));
    people.ok(id, "oath", "2021-10-22");
    people.ok(id, "probation_assessment", "2022-03-01");
    people.ok(id, "conversion_application", "2022-08-01");
    people.ok(id, meeting("2022-09-01", 20, 15, 12).put("kind", "conversion_meeting"));
    JsonObject full = people.ok(id, "conversion_approval", "2022-09-20");
    assertEquals("full_member", full.getString("stage"));
    JsonObject filed = people.ok(id, "archiving", "2022-10-01");

    JsonArray steps = filed.getJsonArray("steps");
    List<String> recorded = steps.stream().map(JsonObject.class::cast).map(s -> s.getString("kind")).toList();
    assertEquals(List.of("application", "talk", "activist", "development_target", "sponsors", "political_review",
        "training", "committee_review", "pre_review", "application_form", "branch_meeting", "committee_talk", "approval",
        "probation_filing", "assignment", "oath", "probation_assessment", "conversion_application", "conversion_meeting",
        "conversion_approval", "archiving"), recorded);
    JsonObject last = steps.getJsonObject(steps.size() - 1);
    assertEquals(25, last.getInteger("number"));
    assertEquals(5, last.getInteger("phase"));
    assertEquals("2022-10-01", last.getString("on"));
    JsonObject recorder = api.get("/api/v1/accounts/" + last.getLong("recordedBy")).as(people.managerToken()).send().json();
    assertEquals(TestApp.MANAGER, recorder.getString("username"));
    assertEquals(recorder.getString("displayName"), last.getString("recordedByName"));
    assertEquals(List.of("activist_filing", "contacts", "assessment", "target_filing"),
        filed.getJsonArray("gaps").stream().map(JsonObject.class::cast).map(g -> g.getString("kind")).toList(),
        "the steps never recorded show as gaps");
    assertEquals("2022-09-01", filed.getString("partyAgeFrom"), "Party age counts from the end of probation");
    assertProblem(people.step(id, "oath", "2022-10-02"), 422, "record-closed");
  }

  @Test
  @DisplayName("steps 4, 5, 6 and 8 are recorded while activist and development target, with their details")
  void activistAndTargetSteps() {
    long id = people.streamer();
    people.toActivist(id);
    people.ok(id, "activist_filing", "2020-03-10");
    assertProblem(people.step(id, "activist_filing", "2020-03-11"), 422, "step-already-recorded");
    assertProblem(people.step(id, named("contacts", "2020-03-12", "contacts", "甲", "乙", "丙")), 400, "validation");
    assertProblem(people.step(id, named("contacts", "2020-03-12", "contacts")), 400, "validation");
    people.ok(id, named("contacts", "2020-03-12", "contacts", "马建国", "李秀兰"));
    people.ok(id, "assessment", "2020-09-01");
    people.ok(id, "assessment", "2021-03-01");
    assertProblem(people.step(id, "target_filing", "2021-03-02"), 422, "step-not-allowed-in-stage");
    people.ok(id, "development_target", "2021-03-02");
    JsonObject filed = people.ok(id, "target_filing", "2021-03-10");
    assertEquals("2021-03-10", filed.getJsonObject("latestStepDates").getString("target_filing"));
    assertEquals(0, filed.getJsonArray("gaps").size());
  }

  @Test
  @DisplayName("no stage may be skipped")
  void noSkippedStage() {
    long id = people.streamer();
    assertProblem(people.step(id, "activist", "2020-01-10"), 422, "stage-skipped");
    people.ok(id, "application", "2020-01-10");
    assertProblem(people.step(id, "development_target", "2022-01-10"), 422, "stage-skipped");
    assertProblem(people.step(id, "branch_meeting", "2022-01-10"), 422, "stage-skipped");
    assertProblem(people.step(id, "conversion_approval", "2022-01-10"), 422, "stage-skipped");
  }

  @Test
  @DisplayName("an activist needs the talk with the applicant first")
  void talkBeforeActivist() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    assertProblem(people.step(id, "activist", "2020-03-01"), 422, "talk-missing");
    people.ok(id, "talk", "2020-03-01");
    assertEquals("activist", people.ok(id, "activist", "2020-03-01").getString("stage"));
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
  @DisplayName("an activist becomes a development target only after more than one year, without training first")
  void activistMoreThanOneYear() {
    long id = people.streamer();
    people.toActivist(id);
    assertProblem(people.step(id, "development_target", "2021-03-01"), 422, "activist-less-than-one-year");
    JsonObject target = people.ok(id, "development_target", "2021-03-02");
    assertEquals("development_target", target.getString("stage"));
    assertEquals(0.0, target.getDouble("trainingHours"), "no training is needed to become a development target");
  }

  @Test
  @DisplayName("the branch committee reviews only after 24 class hours or 3 days of training, whichever is recorded")
  void trainingBeforeCommitteeReview() {
    long hours = people.streamer();
    people.toDevelopmentTarget(hours);
    people.ok(hours, training("2021-04-01", 16));
    people.ok(hours, training("2021-04-02", 7.5));
    assertProblem(people.step(hours, "committee_review", "2021-04-10"), 422, "training-insufficient");
    people.ok(hours, training("2021-04-10", 0.5));
    people.ok(hours, "committee_review", "2021-04-10");

    long days = people.streamer();
    people.toDevelopmentTarget(days);
    people.ok(days, new JsonObject().put("kind", "training").put("on", "2021-04-01").put("days", 2));
    assertProblem(people.step(days, "committee_review", "2021-04-10"), 422, "training-insufficient");
    people.ok(days, new JsonObject().put("kind", "training").put("on", "2021-04-05").put("days", 1));
    people.ok(days, "committee_review", "2021-04-10");
    assertProblem(people.step(days, new JsonObject().put("kind", "training").put("on", "2021-04-11")), 400, "validation");
  }

  @Test
  @DisplayName("sponsors, political review, committee review, pre-review and application form come before the branch meeting")
  void beforeTheBranchMeeting() {
    long id = people.streamer();
    people.toDevelopmentTarget(id);
    assertProblem(people.step(id, meeting("2021-06-01", 20, 15, 12)), 422, "sponsors-missing");
    assertProblem(people.step(id, named("sponsors", "2021-03-10", "sponsors", "马建国")), 400, "validation");
    assertProblem(people.step(id, named("sponsors", "2021-03-10", "sponsors", "马建国", "马建国")), 400, "validation");
    people.ok(id, named("sponsors", "2021-03-10", "sponsors", "马建国", "周海峰"));
    assertProblem(people.step(id, meeting("2021-06-01", 20, 15, 12)), 422, "political-review-missing");
    assertProblem(people.step(id, review("2021-03-20", " ")), 400, "validation");
    people.ok(id, review("2021-03-20", "合格"));
    people.ok(id, training("2021-04-01", 24));
    assertProblem(people.step(id, "pre_review", "2021-04-05"), 422, "committee-review-missing");
    assertProblem(people.step(id, meeting("2021-06-01", 20, 15, 12)), 422, "committee-review-missing");
    people.ok(id, "committee_review", "2021-04-10");
    assertProblem(people.step(id, "application_form", "2021-04-12"), 422, "pre-review-missing");
    assertProblem(people.step(id, meeting("2021-06-01", 20, 15, 12)), 422, "pre-review-missing");
    people.ok(id, "pre_review", "2021-04-20");
    assertProblem(people.step(id, meeting("2021-06-01", 20, 15, 12)), 422, "application-form-missing");
    people.ok(id, "application_form", "2021-05-01");
    assertEquals("probationary", people.ok(id, meeting("2021-06-01", 20, 15, 12)).getString("stage"));
  }

  @Test
  @DisplayName("the branch meeting needs more than half present and yes votes from more than half of those entitled")
  void branchMeetingVotes() {
    long id = people.streamer();
    people.toDevelopmentTarget(id);
    people.readyForBranchMeeting(id);
    assertProblem(people.step(id, meeting("2021-09-01", 20, 10, 10)), 422, "branch-meeting-quorum");
    assertProblem(people.step(id, meeting("2021-09-01", 20, 15, 10)), 422, "branch-meeting-majority");
    assertProblem(people.step(id, new JsonObject().put("kind", "branch_meeting").put("on", "2021-09-01")), 400, "validation");
    assertEquals("probationary", people.ok(id, meeting("2021-09-01", 20, 11, 11)).getString("stage"));
  }

  @Test
  @DisplayName("the higher committee talks first, then approves within six months of the branch meeting, once")
  void approvalWindow() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    assertProblem(people.step(id, "approval", "2021-10-01"), 422, "committee-talk-missing");
    people.ok(id, "committee_talk", "2022-02-01");
    assertProblem(people.step(id, "approval", "2022-03-02"), 422, "approval-deadline-passed");
    people.ok(id, "approval", "2022-03-01");
    assertProblem(people.step(id, "approval", "2022-03-05"), 422, "step-already-recorded");
  }

  @Test
  @DisplayName("filing, assignment, oath and assessments of a probationary member follow the approval")
  void afterApproval() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    for (String kind : List.of("probation_filing", "assignment", "oath", "probation_assessment", "conversion_application")) {
      assertProblem(people.step(id, kind, "2021-09-10"), 422, "approval-missing");
    }
    people.ok(id, "committee_talk", "2021-09-20");
    people.ok(id, "approval", "2021-10-01");
    people.ok(id, "oath", "2021-10-10");
    people.ok(id, "probation_assessment", "2022-01-10");
    assertEquals("2022-04-10", people.ok(id, "probation_assessment", "2022-04-10")
        .getJsonObject("latestStepDates").getString("probation_assessment"));
  }

  @Test
  @DisplayName("conversion needs its application, a branch meeting vote when the year is up, and the approval")
  void conversion() {
    long id = people.streamer();
    people.toApproved(id, "2021-09-01", "2021-10-01");
    JsonObject conversionMeeting = meeting("2022-09-01", 20, 15, 12).put("kind", "conversion_meeting");
    assertProblem(people.step(id, conversionMeeting), 422, "conversion-application-missing");
    assertProblem(people.step(id, "conversion_approval", "2022-09-01"), 422, "conversion-meeting-missing");
    people.ok(id, "conversion_application", "2022-08-01");
    assertProblem(people.step(id, conversionMeeting.copy().put("on", "2022-08-31")), 422, "probation-not-over");
    assertProblem(people.step(id, meeting("2022-09-01", 20, 10, 10).put("kind", "conversion_meeting")), 422, "branch-meeting-quorum");
    people.ok(id, conversionMeeting);
    JsonObject probationary = people.ok(id, "probation_filing", "2022-09-02");
    assertNull(probationary.getValue("partyAgeFrom"), "no Party age before full membership");
    JsonObject full = people.ok(id, "conversion_approval", "2022-09-15");
    assertEquals("full_member", full.getString("stage"));
    assertEquals("2022-09-01", full.getString("partyAgeFrom"));
  }

  @Test
  @DisplayName("an extension is decided when the probation year is up, once, by 6 to 12 months, and moves the conversion")
  void extensionAtYearEnd() {
    long id = people.streamer();
    people.toApproved(id, "2021-09-01", "2021-10-01");
    JsonObject extension = new JsonObject().put("kind", "extension").put("months", 6);
    assertProblem(people.step(id, extension.copy().put("on", "2021-10-02")), 422, "extension-before-probation-end");
    assertProblem(people.step(id, extension.copy().put("on", "2022-08-31")), 422, "extension-before-probation-end");
    assertProblem(people.step(id, extension.copy().put("on", "2022-09-01").put("months", 5)), 422, "extension-out-of-range");
    assertProblem(people.step(id, extension.copy().put("on", "2022-09-01").put("months", 13)), 422, "extension-out-of-range");
    JsonObject extended = people.ok(id, extension.copy().put("on", "2022-09-01"));
    assertEquals("2023-03-01", extended.getString("probationEndsOn"));
    assertProblem(people.step(id, extension.copy().put("on", "2022-10-01")), 422, "step-already-recorded");
    people.ok(id, "conversion_application", "2023-02-01");
    assertProblem(people.step(id, meeting("2023-02-28", 20, 15, 12).put("kind", "conversion_meeting")), 422, "probation-not-over");
    people.ok(id, meeting("2023-03-01", 20, 15, 12).put("kind", "conversion_meeting"));
    assertEquals("2023-03-01", people.ok(id, "conversion_approval", "2023-03-10").getString("partyAgeFrom"));
  }

  @Test
  @DisplayName("a probation can be cancelled, after which the record is closed")
  void cancellation() {
    long id = people.streamer();
    people.toProbationary(id, "2021-09-01");
    assertEquals("cancelled", people.ok(id, "cancellation", "2022-01-10").getString("stage"));
    assertProblem(people.step(id, "committee_talk", "2022-01-11"), 422, "record-closed");

    long applicant = people.streamer();
    people.ok(applicant, "application", "2020-01-10");
    assertProblem(people.step(applicant, "cancellation", "2020-02-10"), 422, "stage-skipped");
  }

  @Test
  @DisplayName("back-dated steps are checked against the same rules and must follow the earlier steps")
  void backDated() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    people.ok(id, "talk", "2020-03-01");
    people.ok(id, "activist", "2020-03-01");
    assertProblem(people.step(id, "assessment", "2020-02-01"), 422, "step-out-of-order");
  }

  @Test
  @DisplayName("steps belong to their stage: one talk, held while an applicant")
  void stepsInTheirStage() {
    long id = people.streamer();
    people.ok(id, "application", "2020-01-10");
    people.ok(id, "talk", "2020-01-20");
    assertProblem(people.step(id, "talk", "2020-01-25"), 422, "step-already-recorded");
    people.ok(id, "activist", "2020-03-01");
    assertProblem(people.step(id, "oath", "2020-03-05"), 422, "step-not-allowed-in-stage");
    assertProblem(people.step(id, "extension", "2020-03-05"), 422, "step-not-allowed-in-stage");
  }

  @Test
  @DisplayName("a streamer that does not exist answers 404")
  void unknownStreamer() {
    assertProblem(people.step(987654321L, "application", "2020-01-10"), 404, "not-found");
  }
}
