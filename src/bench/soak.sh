#!/usr/bin/env bash
# soak.sh: the packaged ucfront server under a constant REGISTER load with refreshes and expiries for
# DURATION seconds; samples memory, threads, sessions, transactions, timers and endpoints every
# INTERVAL seconds and draws them (gnuplot PNG). Results: docs/benchmarks.md ("Soak").
# It installs nothing: the plot needs Debian's gnuplot-nox (apt-get install gnuplot-nox).
#
# Usage:  src/bench/soak.sh [DIST_DIR]   (default target/ucfront; copy it first so that rebuilds do
#         not disturb the run: cp -r target/ucfront /tmp/soak-dist)
#
# Settings (environment variables):
#   DURATION=3600 INTERVAL=30   length of the load and sampling period, s
#   RATE=150                    registrations/s (one = REGISTER, 401, REGISTER with Digest MD5, 200):
#                               half of the highest UDP rate passed on a quiet machine (300/s,
#                               docs/benchmarks.md); 250/s (half of the 500/s of the loaded side-by-side
#                               run) fills 470 MB of the 512 MB heap with the 32 s that completed UDP
#                               transactions live, and collapses from a cold start on a loaded machine
#   MODE=u1                     sipp transport (u1 UDP, t1 one TCP connection)
#   EXPIRES=120                 Expires of every REGISTER (the server's minimum is 30)
#   REFRESH_SHARE=60            % of RATE from "refreshing" endpoints: a pool of
#                               RATE*REFRESH_SHARE/100 * EXPIRES/2 endpoints registering again every
#                               EXPIRES/2 s, so they never expire; the rest of RATE comes from an
#                               "expiring" pool of (RATE - that) * EXPIRES*2 endpoints registering every
#                               2*EXPIRES s: each expires (the server's sweep removes its binding) and
#                               comes back as a new registration. Live endpoints in the steady state:
#                               refreshing pool + expiring rate * EXPIRES
#   HEAP=512m                   server's -Xmx
#   SIP_PORT=25700 HTTP_PORT=25701 SIPP_PORT=25710   loopback ports (sipp uses SIPP_PORT and +1)
#   WORK=/tmp/ucfront-soak.<date>
#   REPORT_ONLY=1               no run: the summary and plot again from an earlier run's WORK
# Output: $WORK/samples.csv (one row per INTERVAL, bench.py soak-sample), $WORK/summary.txt (settings,
# the table of bench.py soak-report, sipp's totals, top class-histogram differences first/last
# sample), $WORK/soak.png; class histograms hist-<t>.txt, server and sipp logs stay in $WORK.
# Requirements: bash, sipp 3.6 (Debian sip-tester), python3, JDK 17 (java, jcmd), gnuplot (plot only).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DIST=$(cd "${1:-$REPO/target/ucfront}" && pwd)
DURATION=${DURATION:-3600}
INTERVAL=${INTERVAL:-30}
RATE=${RATE:-150}
MODE=${MODE:-u1}
EXPIRES=${EXPIRES:-120}
REFRESH_SHARE=${REFRESH_SHARE:-60}
HEAP=${HEAP:-512m}
SIP_PORT=${SIP_PORT:-25700}
HTTP_PORT=${HTTP_PORT:-25701}
SIPP_PORT=${SIPP_PORT:-25710}
WORK=${WORK:-/tmp/ucfront-soak.$(date +%Y%m%d-%H%M%S)}
DOMAIN=bench.local
ADMIN_PW=bench-admin-pw
BENCH="python3 $HERE/bench.py"

for tool in sipp python3 jcmd java; do
  command -v $tool >/dev/null || { echo "soak: $tool is required" >&2; exit 2; }
done
command -v gnuplot >/dev/null || echo "soak: gnuplot not found: no plot (apt-get install gnuplot-nox)" >&2
mkdir -p "$WORK/sipp"
SUMMARY=$WORK/summary.txt
log() { echo "[$(date +%T)] $*" >&2; }
record() { echo "$*" | tee -a "$SUMMARY"; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# the two pools (see RATE, REFRESH_SHARE): users u0.. refresh, the next ones expire
R_RATE=$((RATE * REFRESH_SHARE / 100))
E_RATE=$((RATE - R_RATE))
R_POOL=$((R_RATE * EXPIRES / 2))
E_POOL=$((E_RATE * EXPIRES * 2))
USERS=$((R_POOL + E_POOL))

SERVER_PID=
SIPP_PIDS=()
cleanup() {
  local p
  for p in "${SIPP_PIDS[@]}"; do [ -z "$p" ] || kill -KILL "$p" 2>/dev/null || true; done
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${REPORT_ONLY:-}" ]; then
  : >"$SUMMARY"
record "# soak $(date -Is)"
record "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(sipp -v 2>&1 | grep -o 'SIPp v[^ ,-]*' | head -1)"
record "dist: $DIST ($(cat "$DIST/BUILD-COMMIT" 2>/dev/null || git -C "$REPO" rev-parse --short HEAD 2>/dev/null))  heap: -Xmx$HEAP  work: $WORK"
record "load: $RATE registrations/s over $MODE for $DURATION s, Expires $EXPIRES: refreshing $R_RATE/s from $R_POOL endpoints (every $((EXPIRES / 2)) s), expiring $E_RATE/s from $E_POOL endpoints (every $((EXPIRES * 2)) s); $USERS users"

UCFRONT_SIP_ADDRESS=127.0.0.1 UCFRONT_HTTP_ADDRESS=127.0.0.1 \
UCFRONT_SIP_PORT=$SIP_PORT UCFRONT_HTTP_PORT=$HTTP_PORT UCFRONT_DATA_DIR=$WORK/data \
UCFRONT_DOMAIN=$DOMAIN UCFRONT_ADMIN_PASSWORD=$ADMIN_PW UCFRONT_DIGEST_ALGORITHMS=MD5 \
UCFRONT_FLOOD_SOURCE_RATE=0 UCFRONT_TCP_MAX_CONNECTIONS_PER_SOURCE=1000000 \
JAVA_OPTS="-Xmx$HEAP ${EXTRA_JAVA_OPTS:-}" "$DIST/bin/ucfront" >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!
t0=$SECONDS
until grep -qs "ucfront ready in" "$WORK/server.log"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server failed to start; see $WORK/server.log" >&2; exit 1; }
  [ $((SECONDS - t0)) -lt 120 ] || { echo "server not ready in 120 s" >&2; exit 1; }
  sleep 0.2
done
log "server $SERVER_PID ready; creating $USERS users"
$BENCH users --url "http://127.0.0.1:$HTTP_PORT" --password "$ADMIN_PW" --domain "$DOMAIN" \
  --count "$USERS" --threads 8 | tee -a "$SUMMARY"

# sipp_pool INDEX RATE START COUNT: one sipp cycling over its pool's endpoints (a SEQUENTIAL
# injection file is read again from the top when it ends) until DURATION
sipp_pool() {
  local i=$1 rate=$2 start=$3 count=$4
  [ "$rate" -gt 0 ] || return 0
  $BENCH csv --out "$WORK/sipp/pool$i.csv" --start "$start" --count "$count" --gen "$i" --users "$USERS"
  (cd "$WORK/sipp" && exec sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/register-bench.xml" -inf "pool$i.csv" \
      -key domain "$DOMAIN" -key expires "$EXPIRES" -t "$MODE" -i 127.0.0.1 -p $((SIPP_PORT + i)) \
      -m $((rate * DURATION)) -r "$rate" -rp 1000 -l $((rate * 20)) -d 0 -recv_timeout 10000 \
      -timeout $((DURATION + 60))s -default_behaviors abortunexp,pingreply \
      -watchdog_minor_maxtriggers 1000000000 -watchdog_major_maxtriggers 1000000000 \
      -trace_stat -fd 5 -trace_err -nostdin >"sipp$i.out" 2>&1) &
  SIPP_PIDS+=($!)
}

sample() { # sample T
  $BENCH soak-sample --pid "$SERVER_PID" --url "http://127.0.0.1:$HTTP_PORT" --password "$ADMIN_PW" \
    --sipp-dir "$WORK/sipp" --out "$WORK/samples.csv" --t "$1" --histogram "$WORK/hist-$1.txt" \
    --data-dir "$WORK/data" >&2
}

sample 0
start=$(date +%s)
sipp_pool 0 "$R_RATE" 0 "$R_POOL"
sipp_pool 1 "$E_RATE" "$R_POOL" "$E_POOL"
log "load started: sipp ${SIPP_PIDS[*]}"
t=0
while [ $t -lt "$DURATION" ]; do
  t=$((t + INTERVAL))
  sleep $((start + t - $(date +%s) > 0 ? start + t - $(date +%s) : 0))
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "soak: the server died; see $WORK/server.log" >&2; SERVER_PID=; exit 1; }
  sample "$t"
  for i in "${!SIPP_PIDS[@]}"; do # sipp ending early ends (part of) the load: said once
    if [ -n "${SIPP_PIDS[$i]}" ] && ! kill -0 "${SIPP_PIDS[$i]}" 2>/dev/null && [ $t -lt "$DURATION" ]; then
      record "sipp $i ended before t=$t s: see $WORK/sipp/*_errors.log"; SIPP_PIDS[$i]=
    fi
  done
done
for p in "${SIPP_PIDS[@]}"; do [ -z "$p" ] || wait "$p" || true; done
SIPP_PIDS=()

else
  sed -i '/^series sampled/,$d' "$SUMMARY"   # the run's header lines stay
fi

# judged: the last 3/4 of the run (the first quarter fills up); the histograms at its start and end
LAST_T=$(tail -1 "$WORK/samples.csv" | cut -d, -f1 | cut -d. -f1)
WINDOW=$((LAST_T * 3 / 4))
FIRST_T=$(awk -F, -v from=$((LAST_T - WINDOW)) 'NR > 1 && $1 >= from {print int($1); exit}' "$WORK/samples.csv")
FIRST_HIST=$WORK/hist-$FIRST_T.txt
LAST_HIST=$WORK/hist-$LAST_T.txt
record "series sampled every $INTERVAL s (live heap: total of the class histogram after its full GC; heap after GC: GC.heap_info's used right after it):"
$BENCH soak-report --csv "$WORK/samples.csv" --window "$WINDOW" | tee -a "$SUMMARY"
record ""
record "sipp totals: $(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  { ok = $col["sipp_ok_total"]; failed = $col["sipp_failed_total"]; retrans = $col["sipp_retrans_total"] }
  END { print ok " registrations ok, " failed " failed, " retrans " retransmissions" }' "$WORK/samples.csv")"
record "server log: $(grep -c ' SEVERE \| ERROR ' "$WORK/server.log" || true) SEVERE/ERROR lines, $(grep -c 'OutOfMemoryError' "$WORK/server.log" || true) OutOfMemoryError"
record ""
record "class histogram, largest growth from the start of the judged window ($(basename "$FIRST_HIST")) to the last sample ($(basename "$LAST_HIST")):"
python3 - "$FIRST_HIST" "$LAST_HIST" <<'EOF' | tee -a "$SUMMARY"
import re, sys
def load(p):
    out = {}
    for line in open(p):
        m = re.match(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            out[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
diff = sorted(((b.get(k, (0, 0))[1] - a.get(k, (0, 0))[1], b.get(k, (0, 0))[0] - a.get(k, (0, 0))[0], k)
               for k in set(a) | set(b)), reverse=True)
for db, dn, k in diff[:15]:
    print(f"  {db / 1024:+10.0f} KB {dn:+9d} instances  {k}")
EOF

# gnuplot lines: series NAME... -> '"" using ($1/60):"NAME" with lines title "NAME", ...'
series() { local n out=; for n in "$@"; do out+="${out:+, }\"\" using (\$1/60):\"$n\" with lines title \"$n\""; done; echo "$out"; }
if command -v gnuplot >/dev/null; then
  gnuplot <<EOF
set datafile separator ","
set terminal pngcairo size 1200,1500 font ",10" noenhanced
set output "$WORK/soak.png"
set key left top
set xlabel "minutes"
set grid
set multiplot layout 5,1 title "ucfront soak: $RATE registrations/s (REGISTER, 401, REGISTER, 200; sipp -t $MODE), Expires $EXPIRES, -Xmx$HEAP; sampled every $INTERVAL s"
set ylabel "MB"
set y2label "database MB"
set y2tics
plot "$WORK/samples.csv" using (\$1/60):"live_heap_mb" with lines lw 2 title "live_heap_mb", $(series heap_after_gc_mb rss_mb heap_committed_mb), "" using (\$1/60):"db_mb" axes x1y2 with lines title "db_mb (H2 files, right axis)"
unset y2label
unset y2tics
set ylabel "threads"
plot "$WORK/samples.csv" using (\$1/60):"threads" with lines lw 2 title "threads"
set ylabel "endpoints, sessions"
plot "$WORK/samples.csv" using (\$1/60):"endpoints" with lines lw 2 title "endpoints", $(series unbound app_sessions sip_sessions)
set ylabel "transactions, timers"
plot "$WORK/samples.csv" using (\$1/60):"server_tx" with lines lw 2 title "server_tx", $(series client_tx dialogs scheduled_tasks timer_tasks)
set ylabel "sipp per $INTERVAL s"
set y2label "load average (1 min)"
set y2tics
plot "$WORK/samples.csv" using (\$1/60):"sipp_ok" with lines lw 2 title "sipp_ok", $(series sipp_failed sipp_retrans), "" using (\$1/60):"load1" axes x1y2 with lines title "load1 (right axis)"
unset multiplot
EOF
  record "plot: $WORK/soak.png"
fi
