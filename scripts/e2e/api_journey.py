#!/usr/bin/env python3
"""The duty officer's journey through the JSON API of a running `tocsin demo`:
author drafts a red rainstorm warning for two districts and submits it; two reviewers approve
(red needs two); the author's own approval is refused; dispatch reaches every planned recipient
on the simulated carriers; the ledger is readable; then the warning is lifted (解除) by an approved
cancellation and ends cancelled. Exits non-zero with the step that failed.

    python3 scripts/e2e/api_journey.py --base http://127.0.0.1:8080 --logins demo-data/demo-logins.txt
"""
import argparse, http.cookiejar, json, sys, time, urllib.error, urllib.request
from datetime import datetime, timedelta, timezone


class Client:
    def __init__(self, base, name, password):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  urllib.request.ProxyHandler({}))
        self.call("POST", "/api/v1/auth/login", {"name": name, "password": password})
        self.name = name

    def call(self, method, path, body=None, expect=(200, 201, 204)):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"} if data else {})
        try:
            with self.opener.open(request, timeout=30) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if status not in expect:
            sys.exit(f"journey: {method} {path} as {getattr(self, 'name', '?')} answered {status}: {text[:300]}")
        return json.loads(text) if text.strip().startswith(("{", "[")) else text


def read_logins(path):
    """{role: [(name, password), …]} from the demo's logins file (`name<TAB>role<TAB>password`)."""
    logins = {}
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            name, role, password = line.rstrip("\n").split("\t")
            logins.setdefault(role, []).append((name, password))
    return logins


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--logins", default="demo-data/demo-logins.txt")
    ap.add_argument("--timeout", type=float, default=120)
    a = ap.parse_args()
    logins = read_logins(a.logins)
    author = Client(a.base, *logins["author"][0])
    reviewers = [Client(a.base, *p) for p in logins["reviewer"][:2]]

    now = datetime.now(timezone.utc)
    draft = author.call("POST", "/api/v1/warnings", {
        "hazardCode": "11B03", "level": "red", "regionCodes": ["110105", "110108"],
        "effective": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "expires": (now + timedelta(hours=6)).isoformat(timespec="seconds").replace("+00:00", "Z")})
    wid = draft["warning"]["id"]
    print(f"journey: drafted {wid} ({draft['warning']['state']})")
    author.call("POST", f"/api/v1/warnings/{wid}/submit", {})
    refused = author.call("POST", f"/api/v1/warnings/{wid}/approve", {}, expect=(403, 409))
    print(f"journey: author's own approval refused: {refused['error']['code']}")
    for r in reviewers:
        out = r.call("POST", f"/api/v1/warnings/{wid}/approve", {})
    print(f"journey: approved by two reviewers, dispatch {out['dispatch']['status']}")

    deadline = time.monotonic() + a.timeout
    progress = None
    while time.monotonic() < deadline:
        progress = author.call("GET", f"/api/v1/warnings/{wid}/progress")
        total = progress["total"]
        if progress.get("isFinished"):
            break
        time.sleep(0.5)
    else:
        sys.exit(f"journey: dispatch not finished within {a.timeout} s: {json.dumps(progress)[:400]}")
    t = progress["total"]
    print(f"journey: dispatch finished: planned {t['planned']}, delivered {t['delivered']}, failed {t['failed']}, "
          f"expired {t['expired']}, per carrier {sorted(progress['byCarrier'])}")
    if t["planned"] == 0 or t["delivered"] + t["failed"] + t["expired"] != t["planned"]:
        sys.exit("journey: not every planned recipient has a final outcome")
    ledger = author.call("GET", f"/api/v1/warnings/{wid}/ledger?limit=5")
    print(f"journey: ledger first rows: {json.dumps(ledger)[:200]}")
    state = author.call("GET", f"/api/v1/warnings/{wid}")["warning"]["state"]
    if state != "completed":
        sys.exit(f"journey: warning is {state}, expected completed")

    cancel = author.call("POST", f"/api/v1/warnings/{wid}/cancel")
    cid = cancel["warning"]["id"]
    author.call("POST", f"/api/v1/warnings/{cid}/submit", {})
    for r in reviewers:
        r.call("POST", f"/api/v1/warnings/{cid}/approve", {})
    state = author.call("GET", f"/api/v1/warnings/{wid}")["warning"]["state"]
    if state != "cancelled":
        sys.exit(f"journey: original is {state} after its cancellation was approved, expected cancelled")
    print(f"journey: PASS — {wid} delivered to {t['delivered']} of {t['planned']}, then lifted by {cid}")


if __name__ == "__main__":
    main()
