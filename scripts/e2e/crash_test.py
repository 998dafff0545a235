#!/usr/bin/env python3
"""Crash safety of dispatch (issue 7): kill the serving process with SIGKILL at random moments
during a large dispatch, restart it, repeat, and prove with the carrier simulators' own counters
that nobody was lost and duplicates stayed within the windows.

The simulators run as their own processes (they survive the kills and count every submit): China
Mobile CMPP 3.0, China Unicom SGIP 1.2 (reports to the node's listener) and China Telecom SMGP 3.0.
The node is `tocsin serve --links` on a SQLite database prepared by `tocsin demo --prepare-only`.

Checks, after the last restart lets the dispatch finish:
  * every planned recipient was accepted by a simulator at least once
    (sum over simulators of accepted − duplicates == planned),
  * duplicates per crash ≤ the sum of the window sizes of all connections,
  * the warning ends `completed`.

    python3 scripts/e2e/crash_test.py --tocsin .build/release/tocsin --contacts 240000 --kills 20
"""
import argparse, atexit, json, os, random, re, signal, socket, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_journey import Client, read_logins  # noqa: E402

WINDOW, CONNECTIONS = 16, 2
SMS = "北京市气象台发布暴雨红色预警，请立即做好防范。"   # one segment with the signature


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


CHILDREN = []


@atexit.register
def stop_children():
    """Nothing this script started outlives it, whatever way it ends."""
    for p in CHILDREN:
        if p.poll() is None:
            p.kill()
            p.wait()


def log(msg):
    print(f"crash-test: {msg}", flush=True)


class Simulator:
    def __init__(self, tocsin, proto, account, secret, rundir, extra=()):
        self.port = free_port()
        self.out = open(os.path.join(rundir, f"sim-{proto}.log"), "w+")
        self.proc = subprocess.Popen([tocsin, "simulate", proto, "--port", str(self.port), "--accounts", f"{account}:{secret}",
                                      "--window", str(WINDOW), "--report-delay-ms", "200", "--report-every", "0", *extra],
                                     stdout=self.out, stderr=subprocess.STDOUT)
        CHILDREN.append(self.proc)
        self.proto, self.account, self.secret = proto, account, secret

    def final(self):
        """The simulator's final counters; exits the test when it does not stop on SIGINT."""
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            sys.exit(f"crash-test: FAIL — the {self.proto} simulator did not stop within 30 s of SIGINT "
                     f"(killed; its log: {self.out.name})")
        self.out.seek(0)
        line = [l for l in self.out.read().splitlines() if l.startswith("final:")][-1]
        return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tocsin", default=".build/release/tocsin")
    ap.add_argument("--contacts", type=int, default=240000, help="demo contacts; the citywide warning plans about 5/6 of them")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--max-gap", type=float, default=3.0, help="longest run between restarts and kills, seconds")
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--finish-timeout", type=float, default=600, help="how long the last node may take to finish, seconds")
    a = ap.parse_args()
    random.seed(a.seed)
    rundir = tempfile.mkdtemp(prefix="tocsin-crash-")
    log(f"run folder {rundir}, seed {a.seed}")
    subprocess.run([a.tocsin, "demo", "--dir", rundir, "--contacts", str(a.contacts), "--prepare-only"], check=True,
                   stdout=open(os.path.join(rundir, "prepare.log"), "w"), stderr=subprocess.STDOUT)
    logins = read_logins(os.path.join(rundir, "demo-logins.txt"))

    listen = free_port()
    sims = [Simulator(a.tocsin, "cmpp3", "912379", "crash-cmcc", rundir),
            Simulator(a.tocsin, "sgip", "cucccrash", "crash-cucc", rundir, ["--report-port", str(listen)]),
            Simulator(a.tocsin, "smgp", "ctcccrsh", "crash-ctcc", rundir)]
    carrier = {"cmpp3": "mobile", "sgip": "unicom", "smgp": "telecom"}
    links = {"links": []}
    for s in sims:
        link = {"name": f"{s.proto}-1", "carrier": carrier[s.proto], "protocol": s.proto, "host": "127.0.0.1", "port": s.port,
                "account": s.account, "secret": s.secret, "source_address": "1065712379", "service_id": "ALERT",
                "window": WINDOW, "connections": CONNECTIONS}
        if s.proto == "sgip":
            link["sgip"] = {"node_id": 3075512345, "corp_id": "12379", "listen_host": "127.0.0.1", "listen_port": listen,
                            "smg_login": "smguser", "smg_password": "smgpass"}
        links["links"].append(link)
    links_file = os.path.join(rundir, "links.json")
    json.dump(links, open(links_file, "w"))
    window_sum = WINDOW * CONNECTIONS * len(sims)
    http = free_port()
    base = f"http://127.0.0.1:{http}"
    node_log = open(os.path.join(rundir, "node.log"), "a")

    def start_node():
        p = subprocess.Popen([a.tocsin, "serve", "--database", f"sqlite:{rundir}/tocsin.sqlite", "--audit-key-file", f"{rundir}/audit.key",
                              "--links", links_file, "--port", str(http)], stdout=node_log, stderr=subprocess.STDOUT)
        CHILDREN.append(p)
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", http), timeout=0.2).close()
                return p
            except OSError:
                if p.poll() is not None:
                    sys.exit(f"crash-test: the node exited with {p.returncode} at start (see {rundir}/node.log)")
                time.sleep(0.05)
        sys.exit("crash-test: the node did not listen within 15 s")

    node = start_node()
    author = Client(base, *logins["author"][0])
    reviewers = [Client(base, *p) for p in logins["reviewer"][:2]]
    now = time.time()
    iso = lambda t: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
    draft = author.call("POST", "/api/v1/warnings", {
        "hazardCode": "11B03", "level": "red", "regionCodes": ["110000"], "smsText": SMS,
        "effective": iso(now), "expires": iso(now + 6 * 3600),
        "targeting": {"useHazardSubscriptions": False, "groupIDs": [], "regionCodes": ["110000"], "contactIDs": [], "excludedContactIDs": []}})
    wid = draft["warning"]["id"]
    author.call("POST", f"/api/v1/warnings/{wid}/submit", {})
    for r in reviewers:
        r.call("POST", f"/api/v1/warnings/{wid}/approve", {})
    log(f"approved {wid}; killing the node {a.kills} times")

    kills = []
    for k in range(a.kills):
        gap = random.uniform(0.2, a.max_gap)
        time.sleep(gap)
        try:
            p = author.call("GET", f"/api/v1/warnings/{wid}/progress")["total"]
            before = f"planned {p['planned']}, pending {p['pending']}, submitted {p['submitted']}, delivered {p['delivered']}"
        except SystemExit:
            before = "progress not readable"
        node.send_signal(signal.SIGKILL)
        node.wait()
        kills.append(gap)
        log(f"kill {k + 1}/{a.kills} after {gap:.2f} s ({before})")
        node = start_node()
        author = Client(base, *logins["author"][0])

    progress = None
    deadline = time.monotonic() + a.finish_timeout
    while time.monotonic() < deadline:
        progress = author.call("GET", f"/api/v1/warnings/{wid}/progress")
        if progress["isFinished"]:
            break
        time.sleep(1)
    else:
        node.send_signal(signal.SIGINT)
        node.wait(timeout=60)
        counts = {s.proto: s.final() for s in sims}
        sys.exit(f"crash-test: FAIL — not finished {a.finish_timeout:.0f} s after the last restart: {json.dumps(progress['total'])}; "
                 f"simulators {counts} (run folder {rundir})")
    state = None
    for _ in range(50):
        state = author.call("GET", f"/api/v1/warnings/{wid}")["warning"]["state"]
        if state == "completed":
            break
        time.sleep(0.2)
    node.send_signal(signal.SIGINT)
    node.wait(timeout=60)
    counts = {s.proto: s.final() for s in sims}
    t = progress["total"]
    accepted = sum(c["accepted"] for c in counts.values())
    duplicates = sum(c["duplicates"] for c in counts.values())
    unique = accepted - duplicates
    log(f"planned {t['planned']}, delivered {t['delivered']}, failed {t['failed']}, expired {t['expired']}; "
        f"simulators accepted {accepted} (unique {unique}, duplicates {duplicates}) — "
        + ", ".join(f"{p}: accepted {c['accepted']} dup {c['duplicates']}" for p, c in counts.items()))
    bound = window_sum * a.kills
    failures = []
    if unique != t["planned"]:
        failures.append(f"{t['planned']} planned but {unique} distinct recipients reached the simulators")
    if duplicates > bound:
        failures.append(f"{duplicates} duplicates > {a.kills} kills × window sum {window_sum} = {bound}")
    if state != "completed":
        failures.append(f"the warning ended {state}, not completed")
    if failures:
        sys.exit("crash-test: FAIL — " + "; ".join(failures) + f" (run folder {rundir})")
    log(f"PASS — {a.kills} SIGKILLs, {t['planned']} recipients, all reached at least once, {duplicates} duplicates "
        f"({duplicates / a.kills:.1f} per crash, bound {window_sum}), warning completed")
    subprocess.run(["rm", "-rf", rundir])


if __name__ == "__main__":
    main()
