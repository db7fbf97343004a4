package cn.redlive.support;

import io.lettuce.core.cluster.SlotHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of three masters without replicas on loopback ports of its own ({@code redis-server
 * --cluster-enabled yes}, {@code redis-cli --cluster create}), for tests on the real engine. A test stops one master
 * by its pid and starts it again on its port, with its node file, so it rejoins as the same node.
 */
public final class OwnRedisCluster implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Path dir = TestServers.newDataDir();
  private final List<Integer> ports = new ArrayList<>();
  private final List<Process> nodes = new ArrayList<>();

  private OwnRedisCluster() {
  }

  public static OwnRedisCluster start(int masters) {
    OwnRedisCluster cluster = new OwnRedisCluster();
    try {
      createDirectories(cluster.dir);
      for (int i = 0; i < masters; i++) {
        cluster.ports.add(clusterPort());
        cluster.nodes.add(null);
        cluster.startNode(i);
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      cluster.ports.forEach(p -> create.add("127.0.0.1:" + p));
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      RedisProcesses.run(create);
      cluster.awaitState("ok");
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code redis-cluster://127.0.0.1:P1,...}, the seed list for redis.uri. */
  public String uri() {
    return "redis-cluster://" + ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** The index of the master serving the slot of {@code key} (as the node says in CLUSTER NODES). */
  public int masterOf(String key) {
    int slot = SlotHash.getSlot(key);
    for (int i = 0; i < ports.size(); i++) {
      for (String line : RedisProcesses.cli(ports.get(i), "CLUSTER", "NODES").split("\n")) {
        if (!line.contains("myself")) continue;
        String[] fields = line.trim().split(" ");
        for (int f = 8; f < fields.length; f++) {
          String[] range = fields[f].split("-");
          int from = Integer.parseInt(range[0]);
          int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
          if (from <= slot && slot <= to) return i;
        }
      }
    }
    throw new AssertionError("no master serves slot " + slot);
  }

  /** Kills master {@code i} by its pid (SIGKILL, as a crash). */
  public void kill(int i) {
    RedisProcesses.kill(nodes.get(i));
    nodes.set(i, null);
  }

  /** Starts master {@code i} again on its port and waits until the cluster is whole again. */
  public void restart(int i) {
    startNode(i);
    awaitState("ok");
  }

  private void startNode(int i) {
    int port = ports.get(i);
    Path log = dir.resolve("redis-" + port + ".log");
    try {
      Process node = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--dir", dir.toString(), "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
          "--cluster-node-timeout", "1000", "--save", "", "--appendonly", "no", "--daemonize", "no")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      nodes.set(i, node);
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server did not start on port " + port, e);
    }
    Eventually.await("Redis node on port " + port + " accepting connections", PATIENCE, () -> RedisProcesses.accepts(port), up -> up);
  }

  private void awaitState(String state) {
    Eventually.await("cluster_state:" + state + " on every node", PATIENCE,
        () -> ports.stream().map(p -> RedisProcesses.cli(p, "CLUSTER", "INFO")).filter(info -> !info.contains("cluster_state:" + state)).count(),
        notYet -> notYet == 0);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A free port whose cluster bus port (port + 10000) is free too. */
  private static int clusterPort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ServerProcess.freePort();
      if (port + 10_000 > 65_535) continue;
      try (ServerSocket bus = new ServerSocket(port + 10_000)) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port pair for a cluster node");
  }

  @Override
  public void close() {
    for (int i = 0; i < nodes.size(); i++) kill(i);
  }
}
