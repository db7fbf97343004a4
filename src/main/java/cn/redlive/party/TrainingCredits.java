package cn.redlive.party;

import io.vertx.core.Future;

import java.time.LocalDate;
import java.util.function.ToDoubleFunction;

/** Class hours earned outside party steps (completed study-corner courses), counted toward the training requirement. */
@FunctionalInterface
public interface TrainingCredits {

  /** For the streamer: the class hours completed on or before a given Asia/Shanghai day. */
  Future<ToDoubleFunction<LocalDate>> courseHoursBy(long streamerId);
}
