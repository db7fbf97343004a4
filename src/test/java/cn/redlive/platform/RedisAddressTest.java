package cn.redlive.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("redis.uri names one server, a Sentinel group or a cluster's seeds")
class RedisAddressTest {

  @Test
  @DisplayName("a redis:// URI with one host is one server, with its database and TLS as written")
  void standalone() {
    RedisAddress plain = RedisAddress.parse("redis://:secret@cache:6380/3");
    assertFalse(plain.cluster());
    assertEquals("cache", plain.server().getHost());
    assertEquals(6380, plain.server().getPort());
    assertEquals(3, plain.server().getDatabase());
    assertTrue(RedisAddress.parse("rediss://cache:6379").server().isSsl());
  }

  @Test
  @DisplayName("a Sentinel URI names its sentinels, the master after '#' and the database")
  void sentinel() {
    RedisAddress address = RedisAddress.parse("redis-sentinel://:pw@s1:26379,s2:26380/2#mymaster");
    assertFalse(address.cluster());
    assertEquals("mymaster", address.server().getSentinelMasterId());
    assertEquals(2, address.server().getDatabase());
    assertEquals(List.of("s1:26379", "s2:26380"),
        address.server().getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort()).toList());
  }

  @Test
  @DisplayName("redis-cluster:// and redis:// with several hosts are the seeds of a cluster")
  void cluster() {
    for (String uri : List.of("redis-cluster://a:7000,b:7001,c:7002", "redis://a:7000,b:7001,c:7002")) {
      RedisAddress address = RedisAddress.parse(uri);
      assertTrue(address.cluster(), uri);
      assertEquals(List.of("a:7000", "b:7001", "c:7002"),
          address.clusterSeeds().stream().map(s -> s.getHost() + ":" + s.getPort()).toList(), uri);
    }
    assertTrue(RedisAddress.parse("rediss://a:7000,b:7001").clusterSeeds().get(0).isSsl());
    assertTrue(RedisAddress.parse("redis-cluster://only:7000").cluster(), "one seed is enough to find the rest");
  }

  @Test
  @DisplayName("a URI that names nothing usable is refused with the setting's name and without its password")
  void refused() {
    for (String uri : List.of("http://cache:6379", "cache:6379", "redis://", "redis://cache:port",
        "redis-sentinel://:hunter2@s1:26379", "redis-cluster://:hunter2@a:7000,b:7001/2", "redis://a:7000,,b:7001")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse(uri), uri);
      assertTrue(e.getMessage().startsWith("redis.uri (REDLIVE_REDIS_URI) "), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }

  @Test
  @DisplayName("start-up stops at a bad redis.uri before anything starts")
  void badUriFailsConfiguration() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AppConfig.load(Map.of("redis.uri", "redis-sentinel://s1:26379")));
    assertTrue(e.getMessage().contains("#masterName"), e.getMessage());
  }
}
