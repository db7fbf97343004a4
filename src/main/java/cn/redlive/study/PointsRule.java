package cn.redlive.study;

import java.util.Map;

/**
 * How study earns points (学习强国-style): an item's points are earned once, when it is first completed; each kind of
 * action (reading articles, watching videos, taking courses) earns at most its cap per Asia/Shanghai day, and no
 * streamer earns more than {@link #DAILY_CAP} points a day in all. Points over a cap are not carried over.
 */
final class PointsRule {

  static final int DAILY_CAP = 30;
  static final Map<String, Integer> ACTION_CAPS = Map.of("article", 12, "video", 12, "course", 25);

  private PointsRule() {
  }

  static int award(int itemPoints, boolean firstCompletion, int earnedThatDay, String kind, int earnedThatDayForKind) {
    if (!firstCompletion) return 0;
    int actionLeft = ACTION_CAPS.getOrDefault(kind, DAILY_CAP) - earnedThatDayForKind;
    return Math.max(0, Math.min(itemPoints, Math.min(actionLeft, DAILY_CAP - earnedThatDay)));
  }
}
