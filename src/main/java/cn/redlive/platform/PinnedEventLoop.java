package cn.redlive.platform;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;

import java.util.concurrent.TimeUnit;

/**
 * Hands Lettuce one of Vert.x's own event loops instead of a thread pool of its own, so a Redis connection reads,
 * writes and answers on the thread of the Vert.x handlers that use it. The loop belongs to Vert.x: releasing or
 * shutting down this provider leaves it running.
 */
final class PinnedEventLoop implements EventLoopGroupProvider {

  private final EventLoop loop;

  PinnedEventLoop(EventLoop loop) {
    this.loop = loop;
  }

  /** Lettuce asks for its transport's group class (NIO here); a Netty event loop is a group of itself. */
  @Override
  @SuppressWarnings("unchecked")
  public <T extends EventLoopGroup> T allocate(Class<T> type) {
    return (T) loop;
  }

  @Override
  public int threadPoolSize() {
    return 1;
  }

  @Override
  public Future<Boolean> release(EventExecutorGroup eventLoopGroup, long quietPeriod, long timeout, TimeUnit unit) {
    return loop.newSucceededFuture(true);
  }

  @Override
  public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
    return loop.newSucceededFuture(true);
  }
}
