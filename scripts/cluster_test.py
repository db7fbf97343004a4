"""Scale-out checks for RedLive: run by scripts/cluster-test (see there for what each check shows).

On loopback ports of its own: a PostgreSQL cluster, a 3-master Redis Cluster, three RedLive servers (the built jar,
external mode; the first loads the demo data) and haproxy in front of them. Every process started here is stopped
on every path. Only the Python standard library is used.
"""
import os
import shutil
import socket
import sys
import tempfile
import threading
import time

from rig import (DEMO_PASSWORD, MANAGER_PASSWORD, PG_BIN, Haproxy, Postgres, Processes, RedisCluster, Server,
                 order_batch, sellable_product, start_session, wait_until)

JWT_SECRET = "cluster-test-secret-that-is-long-enough-0123456789"
LEASE_SECONDS = 10
SETTLE_EVERY_S = 2


class ClusterChecks:
    def __init__(self, work):
        self.procs, self.work, self.results, self.sequence = Processes(), work, [], 0
        self.pg = Postgres(self.procs, work)
        self.redis = RedisCluster(self.procs, work)
        shared = {"REDLIVE_AUTH_JWT_SECRET": JWT_SECRET,
                  "REDLIVE_CATALOG_IMPORT_LEASE_SECONDS": str(LEASE_SECONDS),
                  "REDLIVE_LIVE_SETTLE_EVERY_MS": str(SETTLE_EVERY_S * 1000),
                  "REDLIVE_HTTP_DRAIN_SECONDS": "3"}
        self.servers = [Server(self.procs, work, self.pg, self.redis.uri(), name=name, demo=(name == "a"), env=shared)
                        for name in ("a", "b", "c")]
        self.balancer = Haproxy(self.procs, work, self.servers)

    def start(self):
        self.pg.start()
        self.redis.start()
        for server in self.servers:
            server.start()
        self.balancer.start()
        wait_until("haproxy to see every server up", self.all_up, 30)
        api = self.balancer
        self.manager = api.login("admin", MANAGER_PASSWORD)
        self.streamer = api.login("streamer.wang", DEMO_PASSWORD)
        self.ingest = api.login("ingest.live", DEMO_PASSWORD)
        self.partner = api.login("brand.qiyuan", DEMO_PASSWORD)
        self.product = sellable_product(api, self.manager, self.streamer)

    def all_up(self):
        return self.balancer.up() == {server.name for server in self.servers}

    def check(self, name, problems):
        self.results.append((name, problems))
        print("cluster: %-58s %s" % (name, "passed" if not problems else "FAILED: " + "; ".join(problems)), flush=True)

    def next_batch(self, session, orders, producer="cluster"):
        self.sequence += 1
        return order_batch(self.product, session, producer, self.sequence, orders)

    def ledger(self, sessions):
        ids = ",".join(str(s) for s in sessions)
        return int(self.pg.sql("SELECT coalesce(sum(amount_fen), 0) FROM sales_orders WHERE kind = 'order' "
                               "AND session_id IN (%s)" % ids) or 0)

    def end(self, session):
        wait_until("the end of session %d" % session,
                   lambda: self.balancer.call("POST", "/api/v1/live/sessions/%d/end" % session,
                                              token=self.streamer)[0] in (200, 422), 60)

    # --- checks -------------------------------------------------------------------------------------------------
    def sessions_on_every_master(self):
        """Sessions whose keys land on each master start, take orders through the balancer and settle exactly."""
        problems, sessions, masters = [], [], set()
        owners = {port: self.redis.slots_of(port) for port in self.redis.ports}
        while len(masters) < len(self.redis.ports) and len(sessions) < 24:
            session = start_session(self.balancer, self.streamer, self.product)
            slot = self.redis.keyslot("{%d}" % session)
            masters.update(port for port, ranges in owners.items() if any(a <= slot <= b for a, b in ranges))
            acked = 0
            for _ in range(10):
                batch = self.next_batch(session, 2)
                status, body = self.balancer.call("POST", "/api/v1/live/events", batch, token=self.ingest)
                if status != 200:
                    problems.append("session %d: batch answered %s %s" % (session, status, body))
                    break
                acked += sum(e["amountFen"] for e in batch["events"] if e["type"] == "order")
            sessions.append((session, acked))
        if len(masters) < len(self.redis.ports):
            problems.append("sessions reached %d of %d masters" % (len(masters), len(self.redis.ports)))
        board = self.leaderboard_gmv()
        ledger = self.ledger([s for s, _ in sessions])
        if board != ledger:
            problems.append("the leaderboard says %d fen, the ledger %d" % (board, ledger))
        for session, acked in sessions:
            self.end(session)
            _, got = self.balancer.call("GET", "/api/v1/live/sessions/%d" % session, token=self.manager)
            gmv = (got.get("results") or {}).get("gmvFen")
            if gmv != acked or self.ledger([session]) != acked:
                problems.append("session %d settled %s fen, acknowledged %d, ledger %d"
                                % (session, gmv, acked, self.ledger([session])))
        self.check("%d sessions on %d masters start, ingest, settle" % (len(sessions), len(masters)), problems)

    def leaderboard_gmv(self):
        status, board = self.balancer.call("GET", "/api/v1/live/leaderboard?by=streamer", token=self.manager)
        if status != 200:
            return -1
        return sum(row["gmvFen"] for row in board["items"] if row["streamerAccountId"] == self.me())

    def me(self):
        _, me = self.balancer.call("GET", "/api/v1/me", token=self.streamer)
        return me["id"]

    def stream_from_an_idle_server(self):
        """A big screen on server c sees the events that only server a received."""
        a, c = self.servers[0], self.servers[2]
        session = start_session(self.balancer, self.streamer, self.product)
        frames = []
        stream = socket.create_connection(("127.0.0.1", c.port), 10)
        stream.settimeout(15)
        stream.sendall(("GET /api/v1/live/sessions/%d/stream HTTP/1.1\r\nHost: c\r\nAuthorization: Bearer %s\r\n\r\n"
                        % (session, self.manager)).encode())
        try:
            likes = 0
            for _ in range(5):
                status, _ = a.call("POST", "/api/v1/live/events", self.next_batch(session, 1), token=self.ingest)
                likes += 1 if status == 200 else 0
            deadline, seen = time.time() + 15, b""
            while time.time() < deadline and ('"likes":%d' % likes).encode() not in seen:
                chunk = stream.recv(65536)
                if not chunk:
                    break
                seen += chunk
            frames.append(seen)
            problems = [] if ('"likes":%d' % likes).encode() in seen else \
                ["server c's stream never showed likes=%d: %r" % (likes, seen[-300:])]
        finally:
            stream.close()
            self.end(session)
        self.check("SSE from a server that received no events", problems)

    def killed_servers_import(self):
        """An import whose server is killed mid-file is failed by another within a minute."""
        b = self.servers[1]
        rows = ["sku,name,category,origin,price,commission,stock,description"]
        rows += ["CLU-%06d,集群演练枸杞 %d,枸杞,中宁县,%d.00,12%%,%d,演练" % (i, i, 20 + i % 50, 10 + i % 90)
                 for i in range(200000)]
        body = ("\ufeff" + "\r\n".join(rows) + "\r\n").encode()
        status, job = b.call("POST", "/api/v1/catalog/imports?mode=commit&fileName=cluster.csv", body,
                             token=self.partner, timeout=60, content_type="text/csv")
        if status != 202:
            self.check("a killed server's import is failed by another", ["upload answered %s %s" % (status, job)])
            return
        time.sleep(0.5)
        b.kill9()
        killed, final = time.time(), {}

        def ended():
            _, got = self.servers[0].call("GET", "/api/v1/catalog/imports/%d" % job["id"], token=self.partner)
            final.update(got)
            return got.get("status") in ("succeeded", "failed")
        try:
            wait_until("the killed server's import to end", ended, 60)
            problems = []
        except RuntimeError:
            problems = ["still %s a minute after its server was killed" % final.get("status")]
        took = time.time() - killed
        b.start()
        self.check("a killed server's import is %s by another in %.0f s" % (final.get("status"), took), problems)

    def settlement_writes(self, seconds=10):
        """Over `seconds` while an idle session is live: row writes to the live tables (n_tup_upd already counts
        HOT updates), and claims of the session's settlement lease, which are the coordination's own cost."""
        def counts():
            rows = self.pg.sql("SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) FROM pg_stat_user_tables "
                               "WHERE relname LIKE 'live%' AND relname <> 'live_session_settlement'")
            claims = self.pg.sql("SELECT coalesce(sum(claims), 0) FROM live_session_settlement")
            return int(rows or 0), int(claims or 0)
        self.pg.sql("SELECT pg_stat_clear_snapshot()")
        rows_before, claims_before = counts()
        time.sleep(seconds)
        time.sleep(1)  # table statistics reach the shared counters within about a second
        rows_after, claims_after = counts()
        return rows_after - rows_before, claims_after - claims_before

    def settlement_shared(self):
        """Settlement writes per session per interval do not grow with the number of servers: an idle session's
        figures are not rewritten, and its lease is claimed at most once per lease (3/4 of an interval), whoever claims."""
        sessions = [start_session(self.balancer, self.streamer, self.product)]
        for session in sessions:
            self.balancer.call("POST", "/api/v1/live/events", self.next_batch(session, 1), token=self.ingest)
        time.sleep(2 * SETTLE_EVERY_S)  # the batch's own flush is done before counting
        three, three_claims = self.settlement_writes()
        for server in self.servers[1:]:
            server.terminate()
        one, one_claims = self.settlement_writes()
        for server in self.servers[1:]:
            server.start()
        wait_until("haproxy to see every server up again", self.all_up, 30)
        for session in sessions:
            self.end(session)
        max_claims = int(11 / (0.75 * SETTLE_EVERY_S)) + 1
        problems = []
        if three > max(one * 1.5, one + 3):
            problems.append("%d row writes in 10 s with three servers against %d with one" % (three, one))
        if three_claims > max_claims:
            problems.append("%d lease claims in 10 s with three servers (at most %d)" % (three_claims, max_claims))
        self.check("settlement: %d row writes and %d claims with 3 servers, %d and %d with 1 (10 s)"
                   % (three, three_claims, one, one_claims), problems)

    def rolling_restart(self):
        """Each server in turn stopped with SIGTERM and started again while clients keep calling: no failed request."""
        session = start_session(self.balancer, self.streamer, self.product)
        stop, failures, answered = threading.Event(), [], [0]

        def client(kind):
            while not stop.is_set():
                try:
                    if kind == "read":
                        status, body = self.balancer.call("GET", "/api/v1/me", token=self.manager)
                    else:
                        status, body = self.balancer.call("POST", "/api/v1/live/events",
                                                          self.next_batch(session, 1, producer="roll-%d" % id(stop)),
                                                          token=self.ingest)
                    answered[0] += 1
                    if status >= 500:
                        failures.append("%s answered %s" % (kind, status))
                except Exception as e:
                    failures.append("%s failed: %s" % (kind, e))
                time.sleep(0.02)
        clients = [threading.Thread(target=client, args=(kind,)) for kind in ("read", "read", "ingest")]
        for thread in clients:
            thread.start()
        try:
            for server in self.servers:
                server.terminate()
                server.start()
                wait_until("haproxy to take %s back" % server.name, self.all_up, 30)
                time.sleep(2)
        finally:
            stop.set()
            for thread in clients:
                thread.join(timeout=30)
        self.end(session)
        self.check("rolling restart under load: %d requests, %d failed" % (answered[0], len(failures)), failures[:5])

    def stop(self):
        self.procs.stop_all()


def main():
    tools = [shutil.which(t) for t in ("redis-server", "redis-cli", "haproxy")]
    if os.geteuid() != 0 or PG_BIN is None or None in tools:
        sys.exit("scripts/cluster-test: needs root (to run PostgreSQL as the postgres user), PostgreSQL, "
                 "redis-server, redis-cli and haproxy")
    work = tempfile.mkdtemp(prefix="redlive-cluster-")
    shutil.chown(work, "postgres", "postgres")
    os.chmod(work, 0o777)
    checks = ClusterChecks(work)
    try:
        checks.start()
        for step in (checks.sessions_on_every_master, checks.stream_from_an_idle_server, checks.killed_servers_import,
                     checks.settlement_shared, checks.rolling_restart):
            try:
                step()
            except Exception as e:
                checks.check(step.__name__, ["check broke: %r" % e])
    finally:
        checks.stop()
        failed = sum(1 for _, problems in checks.results if problems)
        print("cluster: passed=%d failed=%d (logs in %s)" % (len(checks.results) - failed, failed, work))
        if failed == 0:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
