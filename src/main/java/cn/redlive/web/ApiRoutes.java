package cn.redlive.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What each feature hands to the router: a handler per OpenAPI operation id, optionally with an object-level check. */
public final class ApiRoutes {

  private final Map<String, Binding> bindings = new HashMap<>();

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

  Optional<Binding> binding(String operationId) {
    return Optional.ofNullable(bindings.get(operationId));
  }

  java.util.Set<String> operationIds() {
    return bindings.keySet();
  }
}
