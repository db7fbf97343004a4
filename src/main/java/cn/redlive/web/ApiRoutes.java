package cn.redlive.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each feature hands to the router: a handler per OpenAPI operation id, optionally with an object-level check.
 * Operations the contract marks {@code x-streamed} (uploads too large to buffer) register with {@link #stream}.
 */
public final class ApiRoutes {

  private final Map<String, Binding> bindings = new HashMap<>();
  private final Map<String, Handler<RoutingContext>> streamed = new HashMap<>();

  public static final class Binding {
    private final Handler<RoutingContext> handler;
    private ObjectAccess access;

    private Binding(Handler<RoutingContext> handler) {
      this.handler = handler;
    }

    /** Adds the object-ownership rule this route enforces after its role check. */
    public Binding onlyIf(ObjectAccess access) {
      this.access = access;
      return this;
    }

    Handler<RoutingContext> handler() {
      return handler;
    }

    Optional<ObjectAccess> access() {
      return Optional.ofNullable(access);
    }
  }

  public Binding handle(String operationId, Handler<RoutingContext> handler) {
    if (bindings.containsKey(operationId)) throw new IllegalStateException("operation bound twice: " + operationId);
    Binding binding = new Binding(handler);
    bindings.put(operationId, binding);
    return binding;
  }

  /** A streamed operation: its handler gets the request paused after authentication and reads the body itself. */
  public void stream(String operationId, Handler<RoutingContext> handler) {
    if (bindings.containsKey(operationId) || streamed.putIfAbsent(operationId, handler) != null) {
      throw new IllegalStateException("operation bound twice: " + operationId);
    }
  }

  Map<String, Handler<RoutingContext>> streamed() {
    return streamed;
  }

  Optional<Binding> binding(String operationId) {
    return Optional.ofNullable(bindings.get(operationId));
  }

  java.util.Set<String> operationIds() {
    return bindings.keySet();
  }
}
