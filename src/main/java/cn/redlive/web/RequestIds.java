package cn.redlive.web;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane), echoes it on the response and stores
 * it in the request's own Vert.x context, which follows the request through every future, so that each log line
 * can print it (see {@link RequestIdConverter}).
 */
public final class RequestIds implements Handler<RoutingContext> {

  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "redlive.requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  public void handle(RoutingContext rc) {
    String incoming = rc.request().getHeader(HEADER);
    String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    rc.put(KEY, id);
    rc.response().putHeader(HEADER, id);
    Context context = Vertx.currentContext();
    if (context instanceof ContextInternal internal && internal.isDuplicate()) {
      internal.putLocal(KEY, id);
    }
    rc.next();
  }

  public static String of(RoutingContext rc) {
    return rc.get(KEY);
  }

  /** The id of the request whose context this thread runs, or null outside a request. */
  public static String current() {
    Context context = Vertx.currentContext();
    return context instanceof ContextInternal internal && internal.isDuplicate() ? internal.getLocal(KEY) : null;
  }

  /** 64 random bits as hex: unique enough to find a request in the logs, and cheap (no SecureRandom lock). */
  private static String newId() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return "0".repeat(16 - hex.length()) + hex;
  }
}
