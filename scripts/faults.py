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
from concurrent.futures import ThreadPoolExecutor

from rig import (DEMO_PASSWORD, MANAGER_PASSWORD, OUTAGE_ANSWER_S, PG_BIN, Postgres, Processes, Redis, Server,
                 order_batch, sellable_product, start_session, wait_until)


class Drills:
    def __init__(self, work):
        self.procs = Processes()
        self.work = work
        self.pg = Postgres(self.procs, work)
        self.redis = Redis(self.procs, work)
        self.server = Server(self.procs, work, self.pg, "redis://127.0.0.1:%d" % self.redis.port)
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
        return sellable_product(self.server, self.manager, self.streamer)

    def live_session(self):
        return start_session(self.server, self.streamer, self.product)

    # --- ingestion ----------------------------------------------------------------------------------------------
    def batch(self, session, producer, sequence, orders):
        return order_batch(self.product, session, producer, sequence, orders)

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
