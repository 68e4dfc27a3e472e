#!/usr/bin/env python3
"""Helpers of register-bench.sh (Python 3 standard library only).

  bench.py users  --url URL --user U --password P --domain D --count N [--start S] [--threads T]
      creates users u<S>..u<S+N-1>@D (password p<i>) through the admin REST API, with T
      threads on keep-alive connections; an existing user (400 "already exists") counts as done.
      Prints "created N users in S s (R/s)".
  bench.py csv    --out FILE --start S --count N --gen G --users M [--callees K]
      writes a sipp injection file (SEQUENTIAL): user;[authentication ...];epid;instance for users
      (S+i) mod M; G (0-255) makes the epid and +sip.instance distinct per step, so a step
      registers new endpoints rather than refreshing earlier ones. With K callees (u0..u<K-1>,
      invite-caller.xml): the users are callers u<K>..u<M-1>, from K + S mod (M-K), and a fifth
      field names the callee, u<(S+i) mod K>.
  bench.py stat   FILE                  last line of a sipp -trace_stat file as key=value lines
  bench.py rtt    FILE...               p50/p90/p99/max of each rtd in sipp -trace_rtt files
  bench.py count-registrations --url URL --user U --password P
      number of routable endpoints (GET /api/registrations)
  bench.py step   --dir D --rate R --count N --wall S --java-ticks J --sipp-ticks K --busy-ticks B [--steal-ticks T] --hz H
      one result line for the sipp runs of a step directory (stat and rtt files), PASS or FAIL:
      PASS = every call answered 200, no retransmission, no unexpected message, >= 95% of the rate
      asked, p99 of every response time (rtd) < --max-p99 ms (500); --requests NAME:N also prints
      N requests per call achieved as NAME= (default register_req:2; "" prints none)
  bench.py jfr-top FILE.jfr             hottest frames of the jdk.ExecutionSample events
  bench.py soak-sample --pid P --url URL --password P --sipp-dir D --out CSV --t S [--histogram F]
      one row of soak.sh's samples (appended to CSV, header first): a class histogram (jcmd
      GC.class_histogram: a full GC, then live bytes (live_heap_mb) and live instances of the
      container's sessions, transactions, dialogs and timers), heap used right after it
      (GC.heap_info: the live heap plus what G1 allocated meanwhile and region rounding), RSS, threads, load average,
      the server's /metrics (endpoints registered and unbound, registrations) and sipp's calls, failures and
      retransmissions since the previous row (its -trace_stat files in D)
  bench.py soak-report --csv CSV [--window S]
      start/end/min/max of each series and its least-squares slope over the last S seconds
      (2700): FLAT when the fitted change over one hour is under 5% of the series' mean in
      that window (and under 1 for counts near zero)
"""
import argparse
import base64
import csv
import glob
import os
import re
import subprocess
from collections import Counter
import http.client
import json
import sys
import threading
import time
import urllib.parse


def _conn(url):
    u = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(u.hostname, u.port or 80, timeout=60)


def _auth(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def users(a):
    auth = _auth(a.user, a.password)
    lock = threading.Lock()
    state = {"next": a.start, "done": 0, "errors": 0}
    end = a.start + a.count

    def worker():
        conn = _conn(a.url)
        while True:
            with lock:
                i = state["next"]
                if i >= end:
                    break
                state["next"] = i + 1
            body = json.dumps({"uri": f"sip:u{i}@{a.domain}", "password": f"p{i}"})
            ok, status, text = False, None, b""
            for _ in range(3):
                try:
                    conn.request("POST", "/api/users", body,
                                 {"Authorization": auth, "Content-Type": "application/json"})
                    r = conn.getresponse()
                    status, text = r.status, r.read()
                    ok = r.status == 201 or (r.status == 400 and b"already exists" in text)
                    break
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = _conn(a.url)
                    text = b"connection error"
            with lock:
                if ok:
                    state["done"] += 1
                else:
                    state["errors"] += 1
                    if state["errors"] <= 5:
                        print(f"user u{i}: {status} {text[:200]!r}", file=sys.stderr)
        conn.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    dt = time.monotonic() - t0
    print(f"created {state['done']} users in {dt:.1f} s ({state['done'] / dt:.0f}/s), {state['errors']} errors")
    return 0 if state["errors"] == 0 else 1


def gen_csv(a):
    with open(a.out, "w") as f:
        f.write("SEQUENTIAL\n")
        for k in range(a.count):
            if a.callees:
                i = a.callees + (a.start + k) % (a.users - a.callees)
                callee = f";u{(a.start + k) % a.callees}"
            else:
                i, callee = (a.start + k) % a.users, ""
            # epid: token of 10 hex digits; instance: a UUID unique per (gen, user)
            f.write(f"u{i};[authentication username=u{i} password=p{i}];{a.gen:02x}{i:08x};"
                    f"{a.gen:08x}-0000-4000-8000-{i:012x}{callee}\n")
    return 0


def _last_stat(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, last = rows[0], rows[-1]
    return dict(zip(header, last))


def stat(a):
    for k, v in _last_stat(a.file).items():
        if k:
            print(f"{k}={v}")
    return 0


def _pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * len(values) + 0.5)) - 1))
    return values[k]


def rtt(a):
    """sipp -trace_rtt lines: Date_ms;response_time_ms;rtd_no (header first)."""
    by, _ = _rtts(a.files)
    for name in sorted(by):
        v = by[name]
        print(f"rtd{name} n={len(v)} p50={_pct(v, 50):.1f} p90={_pct(v, 90):.1f} "
              f"p99={_pct(v, 99):.1f} max={max(v):.1f}")
    return 0


def _rtts(paths):
    """rtd number -> list of ms; and the latest Date_ms (ms since that sipp started)."""
    by, last = {}, 0.0
    for path in paths:
        with open(path) as f:
            for line in f:
                parts = line.strip().split(";")
                if len(parts) != 3:
                    continue
                try:
                    t, v = float(parts[0]), float(parts[1])
                except ValueError:
                    continue
                by.setdefault(parts[2], []).append(v)
                last = max(last, t)
    return by, last


def step(a):
    stats = [_last_stat(p) for p in sorted(glob.glob(os.path.join(a.dir, "*_.csv")))]
    rtts, last_ms = _rtts(sorted(glob.glob(os.path.join(a.dir, "*_rtt.csv"))))

    def total(key):
        return sum(int(s.get(key, 0) or 0) for s in stats)

    ok, failed = total("SuccessfulCall(C)"), total("FailedCall(C)")
    retrans = total("Retransmissions(C)")
    unexpected = total("OutOfCallMsgs(C)") + total("DeadCallMsgs(C)") + total("FailedUnexpectedMessage(C)")
    timeouts = total("FailedTimeoutOnRecv(C)") + total("FailedMaxUDPRetrans(C)")
    seconds = last_ms / 1000.0 if last_ms > 0 else a.wall
    achieved = ok / seconds if seconds > 0 else 0.0
    java = 100.0 * a.java_ticks / a.hz / a.wall
    sipp = 100.0 * a.sipp_ticks / a.hz / a.wall
    other = max(0.0, 100.0 * (a.busy_ticks - a.java_ticks - a.sipp_ticks) / a.hz / a.wall)
    # CPU the hypervisor gave to other guests (/proc/stat "steal", in % of one core like the rest):
    # on this shared host it came and went within minutes, up to half the machine, and a
    # collector's pause stretches with it
    steal = 100.0 * a.steal_ticks / a.hz / a.wall
    noisy = " noisy" if other + steal > a.quiet_max else ""
    # server CPU per registration answered: comparable across runs at the same moderate rate even
    # when other processes make the highest passing rate noisy
    per_call = 1000.0 * a.java_ticks / a.hz / ok if ok else float("nan")
    p99 = max((_pct(v, 99) for v in rtts.values() if v), default=float("inf"))
    verdict = "PASS" if (stats and ok == a.count and failed == 0 and retrans == 0 and unexpected == 0
                         and achieved >= 0.95 * a.rate and p99 < a.max_p99) else "FAIL"

    def lat(n):
        v = rtts.get(n, [])
        return f"{_pct(v, 50):.0f}/{_pct(v, 99):.0f}/{max(v):.0f}" if v else "-"

    names = sorted(set(rtts) | {"1", "2"}, key=lambda n: (len(n), n))
    label, _, per = a.requests.partition(":")
    requests = f"{label}={int(per) * achieved:.0f}/s " if label else ""
    print(f"{verdict} rate={a.rate}/s ok={ok} failed={failed} (timeouts {timeouts}) retrans={retrans} "
          f"unexpected={unexpected} achieved={achieved:.0f}/s {requests}"
          f"{' '.join(f'rtd{n}={lat(n)}' for n in names)} ms cpu_java={java:.0f}% cpu_sipp={sipp:.0f}% "
          f"cpu_other={other:.0f}% steal={steal:.0f}%{noisy} cpu_ms_per_call={per_call:.2f} wall={a.wall:.1f}s")
    return 0


# where a REGISTER's CPU goes: first category whose marker is in the stack (the thread name for
# the write-behind timer, whose stacks JFR may truncate)
CATEGORIES = [
    ("write-behind flush (EJB timer: EndpointStore.write, JPA, H2)", "thread:EjbTimerPool"),
    ("write-behind flush (EJB timer: EndpointStore.write, JPA, H2)", "BindingRegistry.flush"),
    ("expiry sweep (BindingRegistry.sweep)", "BindingRegistry.sweep"),
    ("TCP close: BindingRegistry.connectionClosed scan", "BindingRegistry.connectionClosed"),
    ("REGISTER: sending the 401/200 (container, JAIN-SIP transaction, encoding)", "SipServletResponseImpl.send"),
    ("REGISTER: creating the 401/200 (createResponse)", "createResponse"),
    ("REGISTER: user lookup (UserCache; before: UserService.find, EJB proxy, JPA, H2)", "UserCache"),
    ("REGISTER: user lookup (UserCache; before: UserService.find, EJB proxy, JPA, H2)", "UserService.find"),
    ("REGISTER: Digest (DigestAuthenticator: parse, nonce HMAC, MD5)", "DigestAuthenticator"),
    ("REGISTER: BindingRegistry.register (in memory)", "BindingRegistry.register"),
    ("REGISTER: RegisterResponses (headers)", "RegisterResponses"),
    ("REGISTER: application session invalidate", ".invalidate("),
    # ucfront's parser wrapper: jain-sip's StringMsgParser plus RequestFraming's checks on the bytes
    ("JAIN-SIP parsing (StringMsgParser, with RequestFraming's checks)", "StrictMessageParserFactory"),
    ("REGISTER: rest of the servlet code", "org.ucfront."),
    ("container dispatch before the servlet (router, sessions)", "SipApplicationDispatcherImpl.processRequest"),
    ("JAIN-SIP parsing, transport, timers", "gov.nist."),
    ("other (GC threads are not sampled; JIT, ...)", ""),
]


def jfr_top(a):
    """Categories, then self (top frame) and inclusive counts of methods, packages and threads."""
    proc = subprocess.Popen(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", a.file],
                            stdout=subprocess.PIPE, text=True)
    self_m, incl_m, incl_p, threads, cats = Counter(), Counter(), Counter(), Counter(), Counter()
    samples, frames, in_stack, thread, raw = 0, [], False, "?", []
    frame_re = re.compile(r"^\s+([\w$.<>/]+)\(")
    for line in proc.stdout:
        s = line.strip()
        if s.startswith("sampledThread"):
            m = re.search(r'"(.*)"', s)
            thread = re.sub(r"\d+", "N", m.group(1)) if m else "?"
        elif s.startswith("stackTrace = ["):
            in_stack, frames, raw = True, [], []
        elif in_stack and s == "]":
            in_stack = False
            samples += 1
            threads[thread] += 1
            text = "thread:" + thread + "\n" + "\n".join(raw)
            cats[next(name for name, marker in CATEGORIES if marker in text)] += 1
            if frames:
                self_m[frames[0]] += 1
            for f in set(frames):
                incl_m[f] += 1
            pk = set()
            for f in frames:
                parts = f.split(".")
                pk.add(".".join(parts[:3]) if len(parts) > 3 else f)
            for p in pk:
                incl_p[p] += 1
        elif in_stack:
            raw.append(s)
            m = frame_re.match(line)
            if m:
                frames.append(m.group(1))
    proc.wait()
    if samples == 0:
        print("no jdk.ExecutionSample events")
        return 1

    def show(title, counter, n):
        print(f"== {title} (of {samples} samples)")
        for k, c in counter.most_common(n):
            print(f"{100.0 * c / samples:5.1f}%  {k}")

    show("where the samples are", cats, len(CATEGORIES))
    show("threads", threads, 15)
    show("self time: top frames", self_m, 30)
    show("inclusive by package (3 levels)", incl_p, 30)
    show("inclusive by method", incl_m, 60)
    return 0


# live instances counted in the class histogram, by series (regex on the class name)
SOAK_CLASSES = [
    ("app_sessions", r"\.SipApplicationSessionImpl$"),
    ("sip_sessions", r"\.SipSessionImpl$"),
    # ucfront's stack makes its own subclasses (org.ucfront.sip.stack.Signing*Transaction)
    ("server_tx", r"\.(SIPServerTransaction(Impl)?|SigningServerTransaction)$"),
    ("client_tx", r"\.(SIPClientTransaction(Impl)?|SigningClientTransaction)$"),
    ("dialogs", r"\.SIPDialog$"),
    # timers: tasks pending in scheduled executors (JAIN-SIP's transaction and dialog timers, the
    # container's, EJB timers); and the timer task objects themselves (JAIN-SIP SIPStackTimerTask
    # subclasses, java.util.TimerTask, the container's servlet and application-session timers)
    ("scheduled_tasks", r"ScheduledFutureTask$"),
    ("timer_tasks", r"TimerTask$|\$\w*Timer$|ServletTimerImpl$|TimerTaskImpl$"),
]
SOAK_COLUMNS = ["t_s", "load1", "live_heap_mb", "heap_after_gc_mb", "heap_committed_mb", "rss_mb", "threads",
                "endpoints", "unbound", "registrations"] + [n for n, _ in SOAK_CLASSES] + [
               "sipp_ok", "sipp_failed", "sipp_retrans", "sipp_ok_total", "sipp_failed_total",
               "sipp_retrans_total", "java_cpu_pct", "java_cpu_s", "db_mb"]


def _metrics(url, password):
    """Prometheus text of GET /metrics: name -> sum over labels; name{labels} -> value."""
    conn = _conn(url)
    conn.request("GET", "/metrics", headers={"Authorization": _auth("admin", password)})
    r = conn.getresponse()
    out = Counter()
    for line in r.read().decode().splitlines():
        m = re.match(r"^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)", line)
        if m and not line.startswith("#"):
            v = float(m.group(3))
            out[m.group(1)] += v
            if m.group(2):
                out[m.group(1) + m.group(2)] = v
    return out


def _histogram(pid, path):
    text = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True).stdout
    if path:
        with open(path, "w") as f:
            f.write(text)
    return histogram_counts(text)


def histogram_counts(text):
    """Series of a class histogram: live instances per SOAK_CLASSES, and live_heap_mb (its total)."""
    counts = {n: 0 for n, _ in SOAK_CLASSES}
    total = re.search(r"^Total\s+\d+\s+(\d+)", text, re.M)
    counts["live_heap_mb"] = round(int(total.group(1)) / 1048576, 1) if total else ""
    for line in text.splitlines():
        m = re.match(r"^\s*\d+:\s+(\d+)\s+\d+\s+(\S+)", line)
        if m:
            for name, rx in SOAK_CLASSES:
                if re.search(rx, m.group(2)):
                    counts[name] += int(m.group(1))
                    break
    return counts


def soak_sample(a):
    row = {"t_s": a.t, "load1": float(open("/proc/loadavg").read().split()[0])}
    row.update(_histogram(a.pid, a.histogram))  # a full GC first: live objects only
    info = subprocess.run(["jcmd", str(a.pid), "GC.heap_info"], capture_output=True, text=True).stdout
    # one line for G1 ("garbage-first heap"), one per generation for the parallel collector
    gens = re.findall(r"total (\d+)K, used (\d+)K", info)
    row["heap_after_gc_mb"] = round(sum(int(u) for _, u in gens) / 1024, 1) if gens else ""
    row["heap_committed_mb"] = round(sum(int(t) for t, _ in gens) / 1024, 1) if gens else ""
    status = open(f"/proc/{a.pid}/status").read()
    row["rss_mb"] = round(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024, 1)
    row["threads"] = len(os.listdir(f"/proc/{a.pid}/task"))
    # the embedded H2 database's files: MVStore appends and compacts, so its size is state to judge
    row["db_mb"] = round(sum(os.path.getsize(f) for f in glob.glob(os.path.join(a.data_dir, "*.mv.db"))) / 2**20, 1) \
        if a.data_dir else ""
    met = _metrics(a.url, a.password)
    row["endpoints"] = int(met.get('ucfront_endpoints{state="registered"}', 0))
    row["registrations"] = int(met.get("ucfront_registrations_total", 0))
    row["unbound"] = int(met.get('ucfront_endpoints{state="unbound"}', 0))
    row["java_cpu_s"] = round(met.get("process_cpu_seconds_total", 0), 1)
    stats = [_last_stat(p) for p in glob.glob(os.path.join(a.sipp_dir, "*_.csv"))]
    for col, key in (("ok", "SuccessfulCall(C)"), ("failed", "FailedCall(C)"), ("retrans", "Retransmissions(C)")):
        row[f"sipp_{col}_total"] = sum(int(s.get(key, 0) or 0) for s in stats)
    prev = None
    if os.path.exists(a.out):
        with open(a.out, newline="") as f:
            rows = list(csv.DictReader(f))
            prev = rows[-1] if rows else None
    for col in ("ok", "failed", "retrans"):
        row[f"sipp_{col}"] = row[f"sipp_{col}_total"] - (int(prev[f"sipp_{col}_total"]) if prev else 0)
    dt = a.t - float(prev["t_s"]) if prev else 0
    row["java_cpu_pct"] = round(100 * (row["java_cpu_s"] - float(prev["java_cpu_s"])) / dt) if dt > 0 else ""
    new = not os.path.exists(a.out)
    with open(a.out, "a", newline="") as f:
        w = csv.DictWriter(f, fieldnames=SOAK_COLUMNS)
        if new:
            w.writeheader()
        w.writerow(row)
    print(" ".join(f"{k}={row[k]}" for k in SOAK_COLUMNS if not k.endswith("_total")))
    return 0


def _slope(points):
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0


def soak_report(a):
    with open(a.csv, newline="") as f:
        rows = list(csv.DictReader(f))
    end = float(rows[-1]["t_s"])
    print(f"| series | start | end | min | max | mean, last {a.window / 60:.0f} min | slope, last {a.window / 60:.0f} min (per hour) | flat |")
    print("|---|---|---|---|---|---|---|---|")
    for col in SOAK_COLUMNS:
        if col in ("t_s",) or col.endswith("_total") or col in ("registrations", "java_cpu_s"):
            continue
        pts = [(float(r["t_s"]), float(r[col])) for r in rows if r.get(col, "") != ""]
        if not pts:
            continue
        ys = [y for _, y in pts]
        win = [(x, y) for x, y in pts if x >= end - a.window]
        mean = sum(y for _, y in win) / len(win)
        per_hour = _slope(win) * 3600
        flat = "yes" if abs(per_hour) < max(0.05 * abs(mean), 1.0) else "NO"
        if col in ("load1", "java_cpu_pct", "sipp_ok", "sipp_failed", "sipp_retrans"):
            flat = "–"  # load and traffic, not state: reported, not judged
        print(f"| {col} | {ys[0]:g} | {ys[-1]:g} | {min(ys):g} | {max(ys):g} | {mean:.1f} | {per_hour:+.1f} | {flat} |")
    return 0


def count_registrations(a):
    conn = _conn(a.url)
    conn.request("GET", "/api/registrations", headers={"Authorization": _auth(a.user, a.password)})
    r = conn.getresponse()
    data = json.loads(r.read())
    print(len(data))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    u = sub.add_parser("users")
    u.add_argument("--url", required=True)
    u.add_argument("--user", default="admin")
    u.add_argument("--password", required=True)
    u.add_argument("--domain", required=True)
    u.add_argument("--count", type=int, required=True)
    u.add_argument("--start", type=int, default=0)
    u.add_argument("--threads", type=int, default=8)
    c = sub.add_parser("csv")
    c.add_argument("--out", required=True)
    c.add_argument("--start", type=int, required=True)
    c.add_argument("--count", type=int, required=True)
    c.add_argument("--gen", type=int, required=True)
    c.add_argument("--users", type=int, required=True)
    c.add_argument("--callees", type=int, default=0)
    s = sub.add_parser("stat")
    s.add_argument("file")
    r = sub.add_parser("rtt")
    r.add_argument("files", nargs="+")
    g = sub.add_parser("count-registrations")
    g.add_argument("--url", required=True)
    g.add_argument("--user", default="admin")
    g.add_argument("--password", required=True)
    st = sub.add_parser("step")
    st.add_argument("--dir", required=True)
    st.add_argument("--rate", type=float, required=True)
    st.add_argument("--count", type=int, required=True)
    st.add_argument("--wall", type=float, required=True)
    st.add_argument("--java-ticks", type=int, required=True)
    st.add_argument("--sipp-ticks", type=int, required=True)
    st.add_argument("--busy-ticks", type=int, required=True)
    st.add_argument("--steal-ticks", type=int, default=0)
    st.add_argument("--hz", type=int, default=100)
    st.add_argument("--quiet-max", type=float, default=25)
    st.add_argument("--max-p99", type=float, default=500)
    st.add_argument("--requests", default="register_req:2")
    j = sub.add_parser("jfr-top")
    j.add_argument("file")
    ss = sub.add_parser("soak-sample")
    ss.add_argument("--pid", type=int, required=True)
    ss.add_argument("--url", required=True)
    ss.add_argument("--password", required=True)
    ss.add_argument("--sipp-dir", required=True)
    ss.add_argument("--out", required=True)
    ss.add_argument("--t", type=float, required=True)
    ss.add_argument("--histogram")
    ss.add_argument("--data-dir", help="the server's data directory (its *.mv.db files are sampled)")
    sr = sub.add_parser("soak-report")
    sr.add_argument("--csv", required=True)
    sr.add_argument("--window", type=float, default=2700)
    a = p.parse_args()
    return {"users": users, "csv": gen_csv, "stat": stat, "rtt": rtt, "step": step, "jfr-top": jfr_top,
            "count-registrations": count_registrations, "soak-sample": soak_sample,
            "soak-report": soak_report}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
