package cn.redlive.study;

import cn.redlive.streamer.StreamerService;
import cn.redlive.web.ApiRoutes;
import cn.redlive.web.Feature;
import cn.redlive.web.ObjectAccess;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** The study corner: published items and each streamer's progress. */
public final class StudyFeature implements Feature {

  private final StudyService study;
  private final ObjectAccess streamerSelfOrManager;

  public StudyFeature(Pool pool, StreamerService streamers, ObjectAccess streamerSelfOrManager, Clock clock) {
    this.study = new StudyService(new StudyRepository(pool), streamers, clock);
    this.streamerSelfOrManager = streamerSelfOrManager;
  }

  public StudyService study() {
    return study;
  }

  @Override
  public void register(ApiRoutes api) {
    new StudyRoutes(study, streamerSelfOrManager).register(api);
  }
}
