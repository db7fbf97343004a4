package cn.redlive.party;

import cn.redlive.streamer.Streamer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The development record as a branch files it (发展党员纪实): a printable HTML page, one printed page per stage of
 * the 细则, each numbered step with its date, who recorded it and its particulars, and a blank line where a step is
 * not on the record yet. Every value is escaped: names and notes are typed by people.
 */
final class PartyPrint {

  private static final Map<StepKind, String> NAMES = Map.ofEntries(
      Map.entry(StepKind.APPLICATION, "递交入党申请书"), Map.entry(StepKind.TALK, "党组织派人谈话"),
      Map.entry(StepKind.ACTIVIST, "推荐和确定入党积极分子"), Map.entry(StepKind.ACTIVIST_FILING, "报上级党委备案"),
      Map.entry(StepKind.CONTACTS, "指定培养联系人"), Map.entry(StepKind.ASSESSMENT, "培养教育考察"),
      Map.entry(StepKind.DEVELOPMENT_TARGET, "确定发展对象"), Map.entry(StepKind.TARGET_FILING, "报上级党委备案"),
      Map.entry(StepKind.SPONSORS, "确定入党介绍人"), Map.entry(StepKind.POLITICAL_REVIEW, "进行政治审查"),
      Map.entry(StepKind.TRAINING, "开展集中培训"), Map.entry(StepKind.COMMITTEE_REVIEW, "支部委员会审查"),
      Map.entry(StepKind.PRE_REVIEW, "上级党委预审"), Map.entry(StepKind.APPLICATION_FORM, "填写入党志愿书"),
      Map.entry(StepKind.BRANCH_MEETING, "支部大会讨论"), Map.entry(StepKind.COMMITTEE_TALK, "上级党委派人谈话"),
      Map.entry(StepKind.APPROVAL, "上级党委审批"), Map.entry(StepKind.PROBATION_FILING, "报上级党委组织部门备案"),
      Map.entry(StepKind.ASSIGNMENT, "编入党支部和党小组"), Map.entry(StepKind.OATH, "入党宣誓"),
      Map.entry(StepKind.PROBATION_ASSESSMENT, "继续教育考察"), Map.entry(StepKind.CONVERSION_APPLICATION, "提出转正申请"),
      Map.entry(StepKind.CONVERSION_MEETING, "支部大会讨论"), Map.entry(StepKind.CONVERSION_APPROVAL, "上级党委审批"),
      Map.entry(StepKind.ARCHIVING, "材料归档"), Map.entry(StepKind.EXTENSION, "延长预备期"),
      Map.entry(StepKind.CANCELLATION, "取消预备党员资格"));

  private static final String[] PHASES = {"", "第一阶段 申请入党", "第二阶段 入党积极分子的确定和培养教育",
      "第三阶段 发展对象的确定和考察", "第四阶段 预备党员的接收", "第五阶段 预备党员的教育、考察和转正"};

  private PartyPrint() {
  }

  static String page(Streamer streamer, List<PartyStep> steps, PartyRecord record, LocalDate printedOn) {
    StringBuilder html = new StringBuilder("""
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>发展党员工作纪实</title><style>
        body{font-family:"Noto Serif CJK SC","SimSun",serif;margin:2cm}section{page-break-after:always}
        table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px 6px;text-align:left}
        h1{text-align:center}h2{font-size:1.1em}.blank{color:#888}</style></head><body>
        """);
    String ageFrom = record.partyAgeFrom() == null ? "—" : record.partyAgeFrom().toString();
    for (int phase = 1; phase <= 5; phase++) {
      html.append("<section data-phase=\"").append(phase).append("\"><h1>发展党员工作纪实</h1><p>姓名：")
          .append(escape(streamer.realName())).append("　艺名：").append(escape(streamer.stageName()))
          .append("　党龄起算：").append(ageFrom).append("　打印日期：").append(printedOn).append("</p><h2>")
          .append(PHASES[phase]).append("</h2><table><tr><th>步骤</th><th>内容</th><th>日期</th><th>记录人</th><th>情况</th></tr>");
      for (StepKind kind : StepKind.values()) {
        if (kind.phase() != phase) continue;
        List<PartyStep> taken = steps.stream().filter(s -> s.kind() == kind).toList();
        if (taken.isEmpty() && kind.number() == 0) continue;
        if (taken.isEmpty()) html.append(row(kind, null));
        for (PartyStep step : taken) html.append(row(kind, step));
      }
      html.append("</table></section>");
    }
    return html.append("</body></html>").toString();
  }

  private static String row(StepKind kind, PartyStep step) {
    String number = kind.number() == 0 ? "—" : String.valueOf(kind.number());
    if (step == null) {
      return "<tr class=\"blank\"><td>" + number + "</td><td>" + NAMES.get(kind) + "</td><td>未记录</td><td></td><td></td></tr>";
    }
    return "<tr data-kind=\"" + kind.code() + "\"><td>" + number + "</td><td>" + NAMES.get(kind) + "</td><td>" + step.on()
        + "</td><td>" + escape(step.recordedByName() == null ? "" : step.recordedByName()) + "</td><td>"
        + escape(particulars(step)) + "</td></tr>";
  }

  private static String particulars(PartyStep step) {
    StringBuilder text = new StringBuilder();
    var d = step.details();
    if (d.containsKey("sponsors")) text.append("入党介绍人：").append(String.join("、", d.getJsonArray("sponsors").getList())).append("；");
    if (d.containsKey("contacts")) text.append("培养联系人：").append(String.join("、", d.getJsonArray("contacts").getList())).append("；");
    if (d.containsKey("conclusion")) text.append("结论：").append(d.getString("conclusion")).append("；");
    if (d.containsKey("entitledVoters")) {
      text.append("应到").append(d.getValue("entitledVoters")).append("人，实到").append(d.getValue("present"))
          .append("人，赞成").append(d.getValue("yesVotes")).append("票；");
    }
    if (step.hours() != null) text.append(step.hours()).append("学时；");
    if (step.days() != null) text.append(step.days()).append("天；");
    if (step.months() != null) text.append(step.months()).append("个月；");
    if (d.containsKey("branch")) text.append(d.getString("branch")).append("；");
    if (d.containsKey("notes")) text.append(d.getString("notes"));
    return text.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
