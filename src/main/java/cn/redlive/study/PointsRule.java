package cn.redlive.study;

/**
 * How study earns points: an item's points are earned once, when it is first completed, and no streamer earns more
 * than {@link #DAILY_CAP} points on one Asia/Shanghai day; points over the cap are not carried over.
 */
final class PointsRule {

  static final int DAILY_CAP = 30;

  private PointsRule() {
  }

  static int award(int itemPoints, boolean firstCompletion, int earnedThatDay) {
    if (!firstCompletion) return 0;
    return Math.max(0, Math.min(itemPoints, DAILY_CAP - earnedThatDay));
  }
}
