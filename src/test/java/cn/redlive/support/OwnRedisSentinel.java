package cn.redlive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Sentinel group on loopback ports of its own: a master, one replica and one sentinel watching them
 * ({@code redis-server --sentinel}, Debian's redis-server package), for tests of failover on the real engine. With a
 * quorum of one and a down-after of one second, a killed master is replaced by its replica within a few seconds.
 */
public final class OwnRedisSentinel implements AutoCloseable {

  public static final String MASTER_NAME = "redlive";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Path dir = TestServers.newDataDir();
  private final int masterPort = ServerProcess.freePort();
  private final int replicaPort = ServerProcess.freePort();
  private final int sentinelPort = ServerProcess.freePort();
  private final List<Process> processes = new ArrayList<>();
  private Process master;

  private OwnRedisSentinel() {
  }

  public static OwnRedisSentinel start() {
    OwnRedisSentinel group = new OwnRedisSentinel();
    try {
      Files.createDirectories(group.dir);
      group.master = group.redis(group.masterPort);
      group.redis(group.replicaPort, "--replicaof", "127.0.0.1", Integer.toString(group.masterPort));
      Eventually.await("the replica in sync", PATIENCE, () -> RedisProcesses.cli(group.replicaPort, "INFO", "replication"),
          info -> info.contains("master_link_status:up"));
      group.sentinel();
      Eventually.await("the sentinel sees the replica", PATIENCE,
          () -> RedisProcesses.cli(group.sentinelPort, "SENTINEL", "REPLICAS", MASTER_NAME), replicas -> replicas.contains(Integer.toString(group.replicaPort)));
      return group;
    } catch (IOException e) {
      group.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      group.close();
      throw e;
    }
  }

  /** {@code redis-sentinel://127.0.0.1:S#redlive}, for redis.uri. */
  public String uri() {
    return "redis-sentinel://127.0.0.1:" + sentinelPort + "#" + MASTER_NAME;
  }

  /** The port of the server the sentinel names master now. */
  public int currentMasterPort() {
    String[] answer = RedisProcesses.cli(sentinelPort, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME).trim().split("\\s+");
    return Integer.parseInt(answer[answer.length - 1]);
  }

  public int replicaPort() {
    return replicaPort;
  }

  /** Waits until the replica holds every write the master acknowledged so far (WAIT), so a failover loses none. */
  public void awaitReplicated() {
    String acked = RedisProcesses.cli(masterPort, "WAIT", "1", "5000").trim();
    if (!"1".equals(acked)) throw new AssertionError("the replica did not acknowledge the writes: " + acked);
  }

  /** Kills the master by its pid (SIGKILL, as a crash). */
  public void killMaster() {
    RedisProcesses.kill(master);
  }

  private Process redis(int port, String... more) {
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no"));
    command.addAll(List.of(more));
    return started(command, port);
  }

  private void sentinel() throws IOException {
    Path config = dir.resolve("sentinel.conf");
    Files.writeString(config, String.join("\n",
        "port " + sentinelPort,
        "bind 127.0.0.1",
        "dir " + dir,
        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 1",
        "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
        "sentinel failover-timeout " + MASTER_NAME + " 5000",
        ""));
    started(List.of("redis-server", config.toString(), "--sentinel"), sentinelPort);
  }

  private Process started(List<String> command, int port) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
      processes.add(process);
      Eventually.await("Redis on port " + port + " accepting connections", PATIENCE, () -> RedisProcesses.accepts(port), up -> up);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server did not start on port " + port, e);
    }
  }

  @Override
  public void close() {
    processes.forEach(RedisProcesses::kill);
  }
}
