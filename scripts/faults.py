"""Fault drills for RedLive: run by scripts/faults (see there for what each drill checks).

Everything runs on loopback ports of its own: a PostgreSQL cluster and a Redis started here, one RedLive server
(the built jar, external mode, demo data) pointed at them. Every process started here is stopped on every path.
Only the Python standard library is used.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

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


class Server:
    def __init__(self, procs, work, pg, redis):
        self.procs, self.work, self.port = procs, work, free_port()
        self.env = dict(os.environ, REDLIVE_DATABASE_URL=pg.url(), REDLIVE_REDIS_URI="redis://127.0.0.1:%d" % redis.port,
                        REDLIVE_HTTP_PORT=str(self.port), REDLIVE_HTTP_HOST="127.0.0.1",
                        REDLIVE_DATA_DIR=os.path.join(work, "app"), REDLIVE_DEMO="true",
                        REDLIVE_AUTH_BOOTSTRAP_MANAGER_PASSWORD=MANAGER_PASSWORD, REDLIVE_ACCESS_LOG_LEVEL="OFF",
                        REDLIVE_LIVE_STREAM_BYTES="8192", REDLIVE_AUTH_FREE_FAILED_LOGINS="50")
        self.child = None

    def start(self):
        self.child = self.procs.start(["java", "-jar", JAR], os.path.join(self.work, "app.log"), env=self.env)
        wait_until("RedLive ready", lambda: self.call("GET", "/health/ready")[0] == 200, 180)

    def kill9(self):
        self.child.send_signal(signal.SIGKILL)
        self.child.wait(timeout=10)

    def call(self, method, path, body=None, token=None, timeout=10, content_type="application/json"):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=data, method=method)
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

    def login(self, username, password):
        status, body = self.call("POST", "/api/v1/auth/login", {"username": username, "password": password})
        if status != 200:
            raise RuntimeError("login %s: %s %s" % (username, status, body))
        return body["accessToken"]


class Drills:
    def __init__(self, work):
        self.procs = Processes()
        self.work = work
        self.pg = Postgres(self.procs, work)
        self.redis = Redis(self.procs, work)
        self.server = Server(self.procs, work, self.pg, self.redis)
        self.results = []
        self.sequence = 0

    # --- set-up -------------------------------------------------------------------------------------------------
    def start(self):
        self.pg.start()
        self.redis.start(persistent=False)
        self.server.start()
        self.tokens()
        self.product = self.sellable_product()

    def tokens(self):
        self.manager = self.server.login("admin", MANAGER_PASSWORD)
        self.streamer = self.server.login("streamer.wang", DEMO_PASSWORD)
        self.ingest = self.server.login("ingest.live", DEMO_PASSWORD)
        self.partner = self.server.login("brand.qiyuan", DEMO_PASSWORD)

    def sellable_product(self):
        _, products = self.server.call("GET", "/api/v1/products?status=approved&size=1", token=self.manager)
        product = products["items"][0]["id"]
        tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600 + 86400))
        _, chosen = self.server.call("POST", "/api/v1/selection-lists", {"title": "故障演练", "plannedDate": tomorrow},
                                     token=self.streamer)
        self.server.call("PUT", "/api/v1/selection-lists/%d/items/%d" % (chosen["id"], product), token=self.streamer)
        return product

    def live_session(self):
        status, session = self.server.call("POST", "/api/v1/live/sessions", {
            "title": "故障演练专场", "plannedStart": "2026-11-29T10:00:00+08:00", "plannedEnd": "2026-11-29T23:00:00+08:00",
            "productIds": [self.product]}, token=self.streamer)
        assert status == 201, session
        status, started = self.server.call("POST", "/api/v1/live/sessions/%d/start" % session["id"], token=self.streamer)
        assert status == 200, started
        return session["id"]

    # --- ingestion ----------------------------------------------------------------------------------------------
    def batch(self, session, producer, sequence, orders):
        events = [{"eventId": "%s-%d-like" % (producer, sequence), "sessionId": session, "type": "like", "count": 1}]
        for i in range(orders):
            events.append({"eventId": "%s-%d-%d" % (producer, sequence, i), "sessionId": session, "type": "order",
                           "orderId": "%s-%d-o%d" % (producer, sequence, i), "productId": self.product, "quantity": 1,
                           "amountFen": 990 + i, "buyerId": "b-%s-%d" % (producer, sequence)})
        return {"producerId": producer, "sequence": sequence, "events": events}

    def send(self, batch):
        started = time.time()
        try:
            status, body = self.server.call("POST", "/api/v1/live/events", batch, token=self.ingest, timeout=10)
        except Exception as e:  # connection refused or reset: the server is down
            return None, str(e), time.time() - started
        return status, body, time.time() - started

    def acknowledged(self, batch, body):
        rejected = {r.get("eventId") for r in body.get("rejected", [])}
        return {e["orderId"] for e in batch["events"] if e["type"] == "order" and e["eventId"] not in rejected}

    def ingest_through(self, session, producer, fault, recover, seconds_before=2.0, seconds_after=4.0):
        """Sends batches (retrying each until answered 200) while a fault happens and heals; returns the evidence."""
        acked, slow, answers, sequence = set(), [], {}, 0
        stop = threading.Event()

        def run():
            nonlocal sequence
            while not stop.is_set():
                sequence += 1
                batch = self.batch(session, producer, sequence, 2)
                while not stop.is_set():
                    status, body, took = self.send(batch)
                    answers[status] = answers.get(status, 0) + 1
                    if status == 503 and took > OUTAGE_ANSWER_S:
                        slow.append(took)
                    if status == 200:
                        acked.update(self.acknowledged(batch, body))
                        break
                    time.sleep(0.1)
        worker = threading.Thread(target=run)
        worker.start()
        try:
            time.sleep(seconds_before)
            fault()
            time.sleep(1.5)
            recover()
            time.sleep(seconds_after)
        finally:
            stop.set()
            worker.join(timeout=30)
        return acked, slow, answers

    # --- invariants ---------------------------------------------------------------------------------------------
    def ledger(self, session):
        rows = self.pg.sql("SELECT order_id FROM sales_orders WHERE session_id = %d AND kind = 'order'" % session)
        ids = [r for r in rows.splitlines() if r]
        return ids

    def settle_and_compare(self, session):
        """Ends the session (retrying through 503) and compares its settled figures with the ledger."""
        wait_until("the end of session %d" % session,
                   lambda: self.server.call("POST", "/api/v1/live/sessions/%d/end" % session, token=self.streamer)[0]
                   in (200, 422), 60)
        final = {}

        def settled():
            # an end answered 200 (or 422: already ended) has written the final figures, from the ledger
            _, got = self.server.call("GET", "/api/v1/live/sessions/%d" % session, token=self.manager)
            final.update(got.get("results") or {})
            return got.get("status") == "ended" and bool(final)
        wait_until("the final figures of session %d" % session, settled, 60)
        ledger = self.ledger(session)
        gmv = int(self.pg.sql("SELECT coalesce(sum(amount_fen), 0) FROM sales_orders WHERE session_id = %d AND kind = 'order'"
                              % session) or 0)
        return final, ledger, gmv

    def check(self, name, problems):
        self.results.append((name, problems))
        print("faults: %-42s %s" % (name, "passed" if not problems else "FAILED: " + "; ".join(problems)), flush=True)

    def ledger_problems(self, session, acked):
        problems = []
        final, ledger, gmv = self.settle_and_compare(session)
        if len(ledger) != len(set(ledger)):
            problems.append("an order is in the ledger twice")
        missing = acked - set(ledger)
        if missing:
            problems.append("%d acknowledged orders missing from the ledger" % len(missing))
        if final.get("orders") != len(ledger) or final.get("gmvFen") != gmv:
            problems.append("settled orders/GMV %s/%s but the ledger has %d/%d" % (final.get("orders"), final.get("gmvFen"),
                                                                                    len(ledger), gmv))
        return problems

    # --- the drills ---------------------------------------------------------------------------------------------
    def overlapping_retries(self):
        session = self.live_session()
        rounds, copies, differing = 30, 8, 0
        with ThreadPoolExecutor(copies) as pool:
            for n in range(1, rounds + 1):
                batch = self.batch(session, "retry", n, 1)
                answers = list(pool.map(lambda _: self.send(batch), range(copies)))
                statuses = {a[0] for a in answers}
                accepted = {json.dumps(sorted(a[1].get("rejected", []), key=str)) for a in answers if a[0] == 200}
                if statuses != {200} or len(accepted) != 1:
                    differing += 1
        problems = ["%d of %d rounds answered copies differently" % (differing, rounds)] if differing else []
        _, live = self.server.call("GET", "/api/v1/live/sessions/%d" % session, token=self.manager)
        if live["live"]["orders"] != rounds:
            problems.append("Redis counted %s orders of %d" % (live["live"]["orders"], rounds))
        problems += self.ledger_problems(session, {"retry-%d-o0" % n for n in range(1, rounds + 1)})
        self.check("overlapping retries from 8 clients", problems)

    def redis_kill(self, persistent):
        self.redis.kill9()
        self.redis.start(persistent=persistent)  # the drill itself runs on a Redis of this kind
        wait_until("readiness", lambda: self.server.call("GET", "/health/ready")[0] == 200, 30)
        session = self.live_session()
        acked, slow, answers = self.ingest_through(session, "redis%d" % persistent, self.redis.kill9,
                                                   lambda: self.redis.start(persistent=persistent))
        problems = ["%d outage answers slower than %.1f s" % (len(slow), OUTAGE_ANSWER_S)] if slow else []
        problems += self.ledger_problems(session, acked)
        self.check("Redis kill -9 %s persistence" % ("with" if persistent else "without"), problems + self.answers_note(answers))

    def postgres_stop(self):
        session = self.live_session()
        acked, slow, answers = self.ingest_through(session, "pg", self.pg.stop_immediate, self.pg.start)
        problems = ["%d outage answers slower than %.1f s" % (len(slow), OUTAGE_ANSWER_S)] if slow else []
        problems += self.ledger_problems(session, acked)
        self.check("PostgreSQL immediate stop", problems + self.answers_note(answers))

    def jvm_kill(self):
        session = self.live_session()

        def restart():
            self.server.start()
            self.tokens()
        acked, _, answers = self.ingest_through(session, "jvm", self.server.kill9, restart)
        self.check("JVM kill -9 mid-ingestion", self.ledger_problems(session, acked) + self.answers_note(answers))

    @staticmethod
    def answers_note(answers):
        print("faults:   answers seen: " + ", ".join("%s x%d" % (k or "no connection", v) for k, v in sorted(
            answers.items(), key=lambda kv: str(kv[0]))))
        problems = ["answered 500 %d times" % answers[500]] if answers.get(500) else []
        return problems + [] if len(answers) > 1 else problems + ["the fault never showed in an answer"]

    def stalled_readers(self, readers=200, seconds=40):
        session = self.live_session()
        sockets = []
        try:
            for _ in range(readers):
                s = socket.socket()
                # a small window, set before connecting, and never read: what the server sends piles up on its side
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                s.connect(("127.0.0.1", self.server.port))
                s.sendall(("GET /api/v1/live/sessions/%d/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n\r\n"
                           % (session, self.manager)).encode())
                sockets.append(s)
            queued = 0
            for _ in range(seconds):
                time.sleep(1)
                queued = max(queued, self.send_queue_bytes())
            health = time.time()
            status, _ = self.server.call("GET", "/health/ready")
            health = time.time() - health
        finally:
            for s in sockets:
                s.close()
        problems = []
        if status != 200 or health > 1.0:
            problems.append("readiness %s in %.2f s beside %d stalled readers" % (status, health, readers))
        # each stream ends after live.streamBytes (8 KiB here): what the server holds for all of them stays bounded
        if queued > readers * 16 * 1024:
            problems.append("%d bytes queued for %d stalled readers" % (queued, readers))
        print("faults:   %d stalled readers for %d s: at most %d bytes queued on the server's sockets, readiness in %.3f s"
              % (readers, seconds, queued, health))
        self.check("%d stalled SSE readers" % readers, problems)

    def send_queue_bytes(self):
        out = subprocess.run(["ss", "-tnH", "state", "established", "( sport = :%d )" % self.server.port],
                             capture_output=True, text=True).stdout
        return sum(int(line.split()[1]) for line in out.splitlines() if line.split()[1:2] and line.split()[1].isdigit())

    def import_killed(self):
        rows = ["sku,name,category,origin,price,commission,stock,description"]
        rows += ["FLT-%06d,故障演练枸杞 %d,枸杞,中宁县,%d.00,12%%,%d,演练" % (i, i, 20 + i % 50, 10 + i % 90) for i in range(200000)]
        body = ("\ufeff" + "\r\n".join(rows) + "\r\n").encode()
        status, job = self.server.call("POST", "/api/v1/catalog/imports?mode=commit&fileName=faults.csv", body,
                                       token=self.partner, timeout=60, content_type="text/csv")
        if status != 202:
            self.check("import killed mid-file", ["upload answered %s %s" % (status, job)])
            return
        time.sleep(0.5)
        self.server.kill9()
        self.server.start()
        self.tokens()
        final = {}

        def settled():
            _, got = self.server.call("GET", "/api/v1/catalog/imports/%d" % job["id"], token=self.partner)
            final.update(got)
            return got.get("status") in ("succeeded", "failed")
        try:
            wait_until("the interrupted import to finish or fail", settled, 90)
            problems = []
        except RuntimeError:
            problems = ["the interrupted import still says %s 90 s after the restart" % final.get("status")]
        self.check("import killed mid-file", problems)

    def stop(self):
        self.procs.stop_all()


def main():
    if os.geteuid() != 0 or PG_BIN is None or shutil.which("redis-server") is None:
        sys.exit("scripts/faults: needs root (to run PostgreSQL as the postgres user), PostgreSQL and redis-server")
    work = tempfile.mkdtemp(prefix="redlive-faults-")
    shutil.chown(work, "postgres", "postgres")
    os.chmod(work, 0o777)
    drills = Drills(work)
    try:
        drills.start()
        wanted = sys.argv[1:] or ["retries", "redis", "postgres", "jvm", "sse", "import"]
        steps = {"retries": [drills.overlapping_retries],
                 "redis": [lambda: drills.redis_kill(False), lambda: drills.redis_kill(True)],
                 "postgres": [drills.postgres_stop], "jvm": [drills.jvm_kill], "sse": [drills.stalled_readers],
                 "import": [drills.import_killed]}
        for name in wanted:
            for step in steps[name]:
                try:
                    step()
                except Exception as e:
                    drills.check(getattr(step, "__name__", name), ["drill broke: %r" % e])
    finally:
        drills.stop()
        failed = sum(1 for _, problems in drills.results if problems)
        print("faults: passed=%d failed=%d (logs in %s)" % (len(drills.results) - failed, failed, work))
        if failed == 0:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
