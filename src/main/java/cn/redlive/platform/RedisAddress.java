package cn.redlive.platform;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterURIUtil;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code redis.uri} names: one Redis (standalone, or the master a Sentinel group points at) or the seed nodes of a
 * Redis Cluster. A URI that names nothing usable fails start-up with a message naming the setting; messages never
 * repeat the URI, which may hold a password.
 *
 * <ul>
 *   <li>{@code redis://host:port[/db]}, {@code rediss://...} (TLS): one server, as before</li>
 *   <li>{@code redis-sentinel://h1:p1,h2:p2[/db]#master}: the master named after '#', asked of the sentinels</li>
 *   <li>{@code redis-cluster://h1:p1,h2:p2,h3:p3}: a cluster; the nodes are seeds, the rest is discovered. A
 *       {@code redis://} or {@code rediss://} URI with more than one host means the same (as Lettuce reads it),
 *       since a standalone server has one address</li>
 * </ul>
 */
public record RedisAddress(RedisURI server, List<RedisURI> clusterSeeds) {

  private static final String SETTING = "redis.uri (REDLIVE_REDIS_URI)";
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^\\s:\\[\\]/]+)(:\\d{1,5})?");

  public boolean cluster() {
    return clusterSeeds != null;
  }

  public static RedisAddress parse(String uri) {
    String text = uri == null ? "" : uri.trim();
    int schemeEnd = text.indexOf("://");
    if (schemeEnd <= 0) throw refused("is not a URI; expected redis://host:port, rediss://, redis-sentinel:// or redis-cluster://");
    String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String rest = text.substring(schemeEnd + 3);
    String authority = rest.split("[/?#]", 2)[0];
    String hosts = authority.substring(authority.lastIndexOf('@') + 1);
    if (hosts.isEmpty()) throw refused("names no host");
    for (String host : hosts.split(",", -1)) {
      if (!HOST_PORT.matcher(host).matches()) throw refused("has a host that is not host[:port]");
    }
    boolean several = hosts.contains(",");
    switch (scheme) {
      case "redis-cluster":
        return cluster("redis://" + rest, rest.substring(authority.length()));
      case "redis":
      case "rediss":
        return several ? cluster(text, rest.substring(authority.length())) : new RedisAddress(lettuce(text), null);
      case "redis-sentinel":
      case "rediss-sentinel":
        if (!rest.contains("#") || rest.endsWith("#")) throw refused("is a Sentinel URI without '#masterName' at its end");
        return new RedisAddress(lettuce(text), null);
      default:
        throw refused("has the scheme " + scheme + "; expected redis, rediss, redis-sentinel or redis-cluster");
    }
  }

  private static RedisAddress cluster(String uri, String afterHosts) {
    // Redis Cluster has only database 0; Lettuce would drop a /db part silently
    if (afterHosts.matches("/0*[1-9]\\d*([?#].*)?")) throw refused("names a database, which Redis Cluster does not have");
    List<RedisURI> seeds;
    try {
      seeds = RedisClusterURIUtil.toRedisURIs(URI.create(uri));
    } catch (RuntimeException e) {
      throw refused("is not a valid cluster seed list (" + e.getMessage() + ")");
    }
    return new RedisAddress(null, List.copyOf(seeds));
  }

  private static RedisURI lettuce(String uri) {
    try {
      return RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw refused("is not a valid Redis URI (" + e.getMessage() + ")");
    }
  }

  private static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException(SETTING + " " + why);
  }
}
