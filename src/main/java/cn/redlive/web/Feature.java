package cn.redlive.web;

/**
 * A feature's front door: it builds its repository, services and routes, and registers its operations (streamed
 * ones too) with the router. The composition root creates one per feature package and wires them together.
 */
public interface Feature {
  void register(ApiRoutes api);
}
