package cn.redlive.web;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.spi.context.storage.ContextLocal;
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
  /**
   * The request id in the request's context. Vert.x sizes each instance's context storage when the instance is
   * built, so this must be registered before: {@link #register()} is called first thing at start-up.
   */
  private static final ContextLocal<String> CURRENT = ContextLocal.registerLocal(String.class);
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  public void handle(RoutingContext rc) {
    String incoming = rc.request().getHeader(HEADER);
    String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    rc.put(KEY, id);
    rc.response().putHeader(HEADER, id);
    // the server runs each request on a context of its own (a duplicate of the event loop's), so this stays with it
    Context context = Vertx.currentContext();
    if (context != null && hasRoom(context)) context.putLocal(CURRENT, id);
    rc.next();
  }

  public static String of(RoutingContext rc) {
    return rc.get(KEY);
  }

  /** The id of the request whose context this thread runs, or null outside a request. */
  public static String current() {
    Context context = Vertx.currentContext();
    if (context == null) return null;
    try {
      return context.getLocal(CURRENT);
    } catch (IllegalArgumentException builtBeforeRegistration) {
      return null;
    }
  }

  /**
   * A Vert.x instance built before {@link #register()} ran has no slot for the id and refuses it; the server's own
   * instance always has one, only a test's own instance may not. Logging must never fail over it.
   */
  private static boolean hasRoom(Context context) {
    try {
      context.getLocal(CURRENT);
      return true;
    } catch (IllegalArgumentException builtBeforeRegistration) {
      return false;
    }
  }

  /** Registers the request id's context storage; call before any Vert.x instance is built (see {@link #CURRENT}). */
  public static void register() {
    // loading the class registers CURRENT
  }

  /** 64 random bits as hex: unique enough to find a request in the logs, and cheap (no SecureRandom lock). */
  private static String newId() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return "0".repeat(16 - hex.length()) + hex;
  }
}
