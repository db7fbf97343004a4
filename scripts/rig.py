"""The test rig the operational scripts share (scripts/faults, scripts/cluster-test): PostgreSQL, Redis (one node
or a Redis Cluster), haproxy and RedLive servers (the built jar, external mode) on loopback ports of their own, each
started here and stopped by pid on every path. Only the Python standard library is used.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "redlive.jar")
PG_BIN = next((d for d in ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")
               if os.path.isdir(d)), None)
OUTAGE_ANSWER_S = 2.5
MANAGER_PASSWORD = "faults-manager-password"
DEMO_PASSWORD = "redlive-demo-2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_cluster_port():
    """A free port whose Redis Cluster bus port (the port + 10000) is below 65536 and free too: a node on a port above
    55535 does not start."""
    for _ in range(100):
        port = free_port()
        if port + 10000 > 65535:
            continue
        with socket.socket() as bus:
            try:
                bus.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair for a Redis Cluster node")


def wait_until(what, check, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(0.2)
    raise RuntimeError("timed out waiting for " + what)


def call(host, port, method, path, body=None, token=None, timeout=10, content_type="application/json"):
    """One HTTP exchange; answers (status, JSON or bytes); raises on a refused or reset connection."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request("http://%s:%d%s" % (host, port, path), data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
            return response.status, json.loads(text) if text[:1] in (b"{", b"[") else text
    except urllib.error.HTTPError as e:
        text = e.read()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


class Endpoint:
    """Something on a loopback port that speaks RedLive's API: a server or the balancer in front of them."""
    port = None

    def call(self, method, path, body=None, token=None, timeout=10, content_type="application/json"):
        return call("127.0.0.1", self.port, method, path, body, token, timeout, content_type)

    def login(self, username, password):
        status, body = self.call("POST", "/api/v1/auth/login", {"username": username, "password": password})
        if status != 200:
            raise RuntimeError("login %s: %s %s" % (username, status, body))
        return body["accessToken"]


def sellable_product(api, manager, streamer):
    """An approved product the streamer has selected, so a session may sell it."""
    _, products = api.call("GET", "/api/v1/products?status=approved&size=1", token=manager)
    product = products["items"][0]["id"]
    tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600 + 86400))
    _, chosen = api.call("POST", "/api/v1/selection-lists", {"title": "演练选品", "plannedDate": tomorrow}, token=streamer)
    api.call("PUT", "/api/v1/selection-lists/%d/items/%d" % (chosen["id"], product), token=streamer)
    return product


def start_session(api, streamer, product):
    """A new live session of the streamer, started; answers its id."""
    status, session = api.call("POST", "/api/v1/live/sessions", {
        "title": "演练专场", "plannedStart": "2026-11-29T10:00:00+08:00", "plannedEnd": "2026-11-29T23:00:00+08:00",
        "productIds": [product]}, token=streamer)
    assert status == 201, session
    status, started = api.call("POST", "/api/v1/live/sessions/%d/start" % session["id"], token=streamer)
    assert status == 200, started
    return session["id"]


def order_batch(product, session, producer, sequence, orders):
    """One producer's batch: a like and `orders` orders, ids derived from the producer and sequence."""
    events = [{"eventId": "%s-%d-like" % (producer, sequence), "sessionId": session, "type": "like", "count": 1}]
    for i in range(orders):
        events.append({"eventId": "%s-%d-%d" % (producer, sequence, i), "sessionId": session, "type": "order",
                       "orderId": "%s-%d-o%d" % (producer, sequence, i), "productId": product, "quantity": 1,
                       "amountFen": 990 + i, "buyerId": "b-%s-%d" % (producer, sequence)})
    return {"producerId": producer, "sequence": sequence, "events": events}


class Processes:
    """Every child started here, stopped by pid at the end whatever happened."""

    def __init__(self):
        self.children = []

    def start(self, args, log, env=None, user=None):
        if user:
            args = ["runuser", "-u", user, "--"] + args
        child = subprocess.Popen(args, stdout=open(log, "ab"), stderr=subprocess.STDOUT, env=env,
                                 start_new_session=True)
        self.children.append(child)
        return child

    def stop_all(self):
        for child in self.children:
            if child.poll() is None:
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for child in self.children:
            try:
                child.wait(timeout=10)
            except Exception:
                pass


class Postgres:
    def __init__(self, procs, work):
        self.procs, self.dir, self.port = procs, os.path.join(work, "pg"), free_port()
        os.makedirs(self.dir)
        shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(["runuser", "-u", "postgres", "--", PG_BIN + "/initdb", "-D", self.dir, "-U", "postgres",
                        "--auth=trust", "-E", "UTF8", "--locale=C"], check=True, stdout=subprocess.DEVNULL)
        self.log = os.path.join(work, "pg.log")
        self.child = None

    def start(self):
        self.child = self.procs.start([PG_BIN + "/postgres", "-D", self.dir, "-p", str(self.port), "-k", self.dir,
                                       "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
                                      self.log, user="postgres")
        wait_until("PostgreSQL", lambda: self.sql("SELECT 1") == "1", 60)

    def stop_immediate(self):
        # SIGQUIT to the postmaster (not to runuser, which does not pass it on) is pg_ctl stop -m immediate
        with open(os.path.join(self.dir, "postmaster.pid")) as pid_file:
            os.kill(int(pid_file.readline()), signal.SIGQUIT)
        self.child.wait(timeout=30)

    def url(self):
        return "postgresql://postgres@127.0.0.1:%d/postgres" % self.port

    def sql(self, query):
        out = subprocess.run([PG_BIN + "/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-tAc",
                              query], capture_output=True, text=True, timeout=30)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return out.stdout.strip()


class Redis:
    def __init__(self, procs, work):
        self.procs, self.dir, self.port = procs, os.path.join(work, "redis"), free_port()
        os.makedirs(self.dir)
        self.log = os.path.join(work, "redis.log")
        self.child = None

    def start(self, persistent):
        # without persistence a restart comes back empty, as after a failover that lost writes
        self.child = self.procs.start(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", self.dir,
                                       "--save", "", "--appendonly", "yes" if persistent else "no",
                                       "--appendfsync", "always"], self.log)
        wait_until("Redis", lambda: socket.create_connection(("127.0.0.1", self.port), 1).close() is None, 30)

    def kill9(self):
        self.child.send_signal(signal.SIGKILL)
        self.child.wait(timeout=10)


class Server(Endpoint):
    """One RedLive instance (the built jar) on a port of its own; `env` adds or overrides settings."""

    def __init__(self, procs, work, pg, redis_uri, name="app", demo=True, env=None):
        self.procs, self.work, self.name, self.port = procs, work, name, free_port()
        self.env = dict(os.environ, REDLIVE_DATABASE_URL=pg.url(), REDLIVE_REDIS_URI=redis_uri,
                        REDLIVE_HTTP_PORT=str(self.port), REDLIVE_HTTP_HOST="127.0.0.1",
                        REDLIVE_DATA_DIR=os.path.join(work, name), REDLIVE_DEMO="true" if demo else "false",
                        REDLIVE_AUTH_BOOTSTRAP_MANAGER_PASSWORD=MANAGER_PASSWORD, REDLIVE_ACCESS_LOG_LEVEL="OFF",
                        REDLIVE_LIVE_STREAM_BYTES="8192", REDLIVE_AUTH_FREE_FAILED_LOGINS="50")
        self.env.update(env or {})
        self.child = None

    def start(self):
        self.child = self.procs.start(["java", "-jar", JAR], os.path.join(self.work, self.name + ".log"), env=self.env)
        wait_until("RedLive %s ready" % self.name, lambda: self.call("GET", "/health/ready")[0] == 200, 180)

    def terminate(self, seconds=60):
        """SIGTERM, as an orchestrator stops a server, and waits for it to exit."""
        self.child.send_signal(signal.SIGTERM)
        self.child.wait(timeout=seconds)

    def kill9(self):
        self.child.send_signal(signal.SIGKILL)
        self.child.wait(timeout=10)



class RedisCluster:
    """A Redis Cluster of `masters` nodes without replicas (`redis-server --cluster-enabled yes`, `redis-cli --cluster
    create`), as Debian's redis-server package runs one."""

    def __init__(self, procs, work, masters=3):
        self.procs, self.work = procs, work
        self.ports = [free_cluster_port() for _ in range(masters)]
        self.children = {}

    def start(self):
        for port in self.ports:
            node = os.path.join(self.work, "redis-%d" % port)
            os.makedirs(node, exist_ok=True)
            self.children[port] = self.procs.start(
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", node, "--save", "",
                 "--appendonly", "no", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                 "--cluster-node-timeout", "2000"], os.path.join(self.work, "redis-%d.log" % port))
        for port in self.ports:
            wait_until("Redis node %d" % port, lambda: socket.create_connection(("127.0.0.1", port), 1).close() is None, 30)
        subprocess.run(["redis-cli", "--cluster", "create"] + ["127.0.0.1:%d" % p for p in self.ports]
                       + ["--cluster-replicas", "0", "--cluster-yes"], check=True, stdout=subprocess.DEVNULL,
                       timeout=60)
        wait_until("the cluster to agree", lambda: all("cluster_state:ok" in self.cli(p, "CLUSTER", "INFO")
                                                       for p in self.ports), 30)

    def cli(self, port, *args):
        return subprocess.run(["redis-cli", "-p", str(port)] + list(args), capture_output=True, text=True,
                              timeout=10).stdout

    def uri(self):
        return "redis-cluster://" + ",".join("127.0.0.1:%d" % p for p in self.ports)

    def slots_of(self, port):
        """The hash slots the node on `port` serves, as (first, last) ranges."""
        node = self.cli(port, "CLUSTER", "MYID").strip()
        ranges = []
        for line in self.cli(port, "CLUSTER", "NODES").splitlines():
            fields = line.split()
            if fields and fields[0] == node:
                for part in fields[8:]:
                    first, _, last = part.partition("-")
                    if first.isdigit():
                        ranges.append((int(first), int(last or first)))
        return ranges

    def keyslot(self, key):
        return int(self.cli(self.ports[0], "CLUSTER", "KEYSLOT", key).strip())


class Haproxy(Endpoint):
    """haproxy in front of `servers`, checking /health/ready every second: a draining server leaves the rotation
    within a second; a connection refused is retried on another server."""

    def __init__(self, procs, work, servers):
        self.procs, self.work, self.servers, self.port = procs, work, servers, free_port()
        self.config = os.path.join(work, "haproxy.cfg")
        self.socket = os.path.join(work, "haproxy.sock")
        self.child = None

    def start(self):
        backends = "\n".join("    server %s 127.0.0.1:%d check inter 1s fall 1 rise 2" % (s.name, s.port)
                             for s in self.servers)
        with open(self.config, "w") as out:
            out.write(HAPROXY_CONFIG % {"port": self.port, "servers": backends, "socket": self.socket})
        subprocess.run(["haproxy", "-c", "-q", "-f", self.config], check=True, timeout=30)
        self.child = self.procs.start(["haproxy", "-db", "-f", self.config], os.path.join(self.work, "haproxy.log"))
        wait_until("haproxy", lambda: socket.create_connection(("127.0.0.1", self.port), 1).close() is None, 30)


    def up(self):
        """The servers haproxy has in rotation now (its runtime API's `show stat`)."""
        with socket.socket(socket.AF_UNIX) as api:
            api.connect(self.socket)
            api.sendall(b"show stat\n")
            text = b""
            while True:
                chunk = api.recv(65536)
                if not chunk:
                    break
                text += chunk
        rows = [line.split(",") for line in text.decode().splitlines() if line and not line.startswith("#")]
        return {row[1] for row in rows if row[0] == "redlive" and row[1] != "BACKEND" and row[17].startswith("UP")}


# The balancer of config/haproxy.cfg (the docker-compose one), on loopback and with the servers given.
HAPROXY_CONFIG = """
global
    maxconn 4096
    stats socket %(socket)s mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
    retry-on conn-failure empty-response response-timeout
frontend api
    bind 127.0.0.1:%(port)d
    default_backend redlive
backend redlive
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
%(servers)s
"""
