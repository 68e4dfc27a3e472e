#!/usr/bin/env bash
# register-bench.sh: REGISTER-with-Digest throughput, latency, memory and start-up benchmark of the
# packaged ucfront server (and, as extra phases, provisioning SUBSCRIBE and call routing throughput),
# driven by sipp on loopback. Every run is bounded in count and time, and
# the script stops every process it started. Results: docs/benchmarks.md.
#
# Usage:  src/bench/register-bench.sh [DIST_DIR]
#   DIST_DIR   the distribution to run (default: target/ucfront). Copy it first if target/ may be
#              rebuilt meanwhile:  cp -r target/ucfront /tmp/bench-dist
#
# Settings (environment variables):
#   SIP_PORT=25060 HTTP_PORT=28080   server ports (127.0.0.1 only); sipp uses SIPP_PORT=25100 and up
#                                    (all load comes from 127.0.0.1: the per-source flood limit and
#                                    connection cap are off for the server under test)
#   HEAP=512m                        -Xmx of the server (JAVA_OPTS="-Xmx$HEAP $EXTRA_JAVA_OPTS")
#   USERS=100000                     users created through the admin API (u0..u<USERS-1>, password p<i>)
#   USER_THREADS=16                  parallel keep-alive HTTP connections creating them
#   PHASES="throughput memory"       which phases run after "prepare"; "profile", "subscribe" and
#                                    "invite" are extra (see below)
#   TCP_RATES="250 500 750 1000 1500 2000 2500 3000"  calls/s steps over TCP, -t t1 (one connection)
#   UDP_RATES="100 200 300 400 500 750 1000"         calls/s steps over UDP, -t u1 (one socket)
#   TN_RATES=""                      calls/s steps over TCP with one connection per call (-t tn)
#   TCP_STEP_SECONDS=20 UDP_STEP_SECONDS=40   length of a step: RATE*seconds calls, each on a user
#                                    (and epid/instance) not used by the previous step. UDP steps are
#                                    longer than the 32 s (64*T1) that completed UDP server transactions
#                                    stay in memory, so they reach the steady state
#   WARMUP_CALLS=15000 WARMUP_RATE=500    JIT warm-up over TCP before the steps (reported, not judged)
#   SIPP_PROCS=1                     sipp processes per step sharing its rate (if one sipp is the limit)
#   MEM_POINTS="10000 100000"        live endpoints at which the heap after GC is measured (<= USERS)
#   FILL_RATE=500 FILL_CHUNK=5000    calls/s that register those endpoints, over TCP (-t t1), in chunks
#                                    of FILL_CHUNK calls, one sipp each, one after the other; each sipp
#                                    holds its calls, hence its connection and bindings, open until the
#                                    end of the phase (a UDP fill would add the 32 s of transactions)
#   EXPIRES=7200                     Expires of every REGISTER (endpoints stay live during the run)
#   SETTLE_SECONDS=40                pause before the "settled" heap measurement
#   MAX_P99=500                      p99 response time (ms) a passing step must stay under
#   PROFILE_RATE=1000 PROFILE_SECONDS=30  phase "profile": Java Flight Recorder during a TCP run at
#                                    that rate; prints where the samples are (bench.py jfr-top)
#   SUB_RATES="100 200 300 400 500 750 1000"   phase "subscribe": calls/s steps (TCP_STEP_SECONDS each)
#   SUB_WARMUP_CALLS=6000 SUB_WARMUP_RATE=200   its warm-up (same scenario, reported, not judged)
#   INVITE_RATES="50 100 150 200 300 400 500"   phase "invite": calls/s steps (TCP_STEP_SECONDS each)
#   INVITE_WARMUP_CALLS=3000 INVITE_WARMUP_RATE=100   its warm-up
#   CALLEES=1000                     phase "invite": users u0..u<CALLEES-1> whose endpoints are called
#   QUIET_MAX=25 QUIET_WAIT=600      before each step, wait (at most QUIET_WAIT s) until processes other
#                                    than the server use less than QUIET_MAX % of one core (a shared
#                                    machine: other builds make the numbers worse); a step that ran while
#                                    others used more is marked "noisy"
#   WORK=/tmp/ucfront-bench.<date>   work directory (data dirs, sipp files, server logs, summary.txt);
#                                    reusing one skips "prepare" (its data-users copy is kept)
#
# What is measured:
# - One call = one endpoint registered with Digest MD5 (src/bench/register-bench.xml): REGISTER ->
#   401 -> REGISTER with credentials -> 200, Expires 7200, epid and +sip.instance per user and step.
#   One call/s is two REGISTER requests/s. Over UDP sipp retransmits after 500 ms (T1), so "zero
#   retransmissions" means every answer came within 500 ms.
# - A step PASSes when sipp counts no failed call, no retransmission, no unexpected or dead-call
#   message, it achieved at least 95% of the rate asked (calls answered 200 / time to the last 200),
#   and the p99 of every response time (both, for REGISTER) is below MAX_P99=500 ms (over UDP a later answer means a
#   retransmission; the same bound makes TCP comparable). A transport stops after 2 failed steps,
#   or at once when the server ran out of heap (the server is restarted for the next transport).
# - Latency per step: rtd1 = REGISTER to 401, rtd2 = authenticated REGISTER to 200, p50/p99/max in
#   ms (sipp -trace_rtt, 1 ms resolution).
# - CPU per step, in % of one core (the machine has `nproc` cores): the server (java), sipp, and
#   everything else on the machine; java near 100*nproc means the server saturated the machine,
#   sipp near 100 means one sipp was the limit (then try SIPP_PROCS=2).
# - Heap: `jcmd PID GC.run`, then "used" of `jcmd PID GC.heap_info`; also the RSS.
# - Start-up: the server's own "ucfront ready in N ms" line: empty data dir, USERS users, and after a
#   restart with the endpoints of the memory phase persisted (and how long restoring them took).
#
# Phases:
#   prepare     fresh data dir: start (ready time), create USERS users, stop; the data dir is copied
#               so that the other phases start from users without endpoints
#   throughput  warm-up, TCP (t1) steps, TCP (tn) steps if TN_RATES, UDP steps
#   memory      heap after GC with no endpoint and at each MEM_POINTS count (right after registering
#               and SETTLE_SECONDS later), then stop and restart on the same data dir
#   profile     JFR (stack depth 256) during a TCP run at PROFILE_RATE: $WORK/profile.jfr, and
#               $WORK/profile-top.txt (bench.py jfr-top: samples by category, thread, frame, method)
#   subscribe   sign-in with provisioning over TCP (-t t1), one call = REGISTER -> 401 -> REGISTER
#               with credentials -> 200, then the in-band provisioning SUBSCRIBE (MS-SIPREGE §4.2.1,
#               every group) -> 407 -> SUBSCRIBE with credentials -> 200 with the document piggybacked
#               (src/bench/provisioning-bench.xml; rtd3/rtd4 = the two SUBSCRIBEs); each call a new
#               user and endpoint. Steps at SUB_RATES judged like the REGISTER steps (p99 of all four
#               response times); then a REGISTER-only step (register-bench.xml) at the highest passing
#               rate on the same server, so the CPU of a SUBSCRIBE is the difference per call
#   invite      call routing over TCP: one sipp registers the endpoints of CALLEES users over one TCP
#               connection at FILL_RATE and holds them; its out-of-call scenario answers what ucfront
#               forks to them (src/bench/invite-callee.xml: 180, 200, then ACK, BYE -> 200); callers
#               u<CALLEES>.. call u<i mod CALLEES> over another connection (src/bench/invite-caller.xml:
#               INVITE -> 407, ACK, INVITE with credentials -> 100/180/200, ACK, BYE -> 200, no pause);
#               steps at INVITE_RATES calls/s; rtd2 = INVITE with credentials to 200. The holding
#               sipp's CPU counts as sipp's
# Output: one line per step as it runs, then a summary (also $WORK/summary.txt) and every step's
# line ($WORK/steps.txt); server logs, sipp's files and class histograms stay in $WORK.
# Requirements: bash, sipp 3.6 (Debian sip-tester), python3, JDK 17 (java, jcmd, jfr).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DIST=$(cd "${1:-$REPO/target/ucfront}" && pwd)
SIP_PORT=${SIP_PORT:-25060}
HTTP_PORT=${HTTP_PORT:-28080}
SIPP_PORT=${SIPP_PORT:-25100}
HEAP=${HEAP:-512m}
USERS=${USERS:-100000}
USER_THREADS=${USER_THREADS:-16}
PHASES=${PHASES:-throughput memory}
TCP_RATES=${TCP_RATES-250 500 750 1000 1500 2000 2500 3000}
UDP_RATES=${UDP_RATES-100 200 300 400 500 750 1000}
TN_RATES=${TN_RATES-}
TCP_STEP_SECONDS=${TCP_STEP_SECONDS:-20}
UDP_STEP_SECONDS=${UDP_STEP_SECONDS:-40}
WARMUP_CALLS=${WARMUP_CALLS:-15000}
WARMUP_RATE=${WARMUP_RATE:-500}
SIPP_PROCS=${SIPP_PROCS:-1}
MEM_POINTS=${MEM_POINTS:-10000 100000}
FILL_RATE=${FILL_RATE:-500}
EXPIRES=${EXPIRES:-7200}
SETTLE_SECONDS=${SETTLE_SECONDS:-40}
PROFILE_RATE=${PROFILE_RATE:-1000}
PROFILE_SECONDS=${PROFILE_SECONDS:-30}
SUB_RATES=${SUB_RATES-100 200 300 400 500 750 1000}
SUB_WARMUP_CALLS=${SUB_WARMUP_CALLS:-6000}
SUB_WARMUP_RATE=${SUB_WARMUP_RATE:-200}
INVITE_RATES=${INVITE_RATES-50 100 150 200 300 400 500}
INVITE_WARMUP_CALLS=${INVITE_WARMUP_CALLS:-3000}
INVITE_WARMUP_RATE=${INVITE_WARMUP_RATE:-100}
CALLEES=${CALLEES:-1000}
MAX_P99=${MAX_P99:-500}
FILL_CHUNK=${FILL_CHUNK:-5000}
QUIET_MAX=${QUIET_MAX:-25}
QUIET_WAIT=${QUIET_WAIT:-600}
WORK=${WORK:-/tmp/ucfront-bench.$(date +%Y%m%d-%H%M%S)}
DOMAIN=bench.local
ADMIN_PW=bench-admin-pw
BENCH="python3 $HERE/bench.py"
SCENARIO=$HERE/register-bench.xml   # what sipp_start runs; the subscribe and invite phases change it
CSV_CALLEES=0                       # bench.py csv --callees: 0 = registrations, else calls to them
STEP_REQUESTS=register_req:2        # bench.py step --requests: the requests per call it prints
HZ=$(getconf CLK_TCK)

mkdir -p "$WORK"
SUMMARY=$WORK/summary.txt
: >"$SUMMARY"
: >"$WORK/steps.txt"
SERVER_PID=
SERVER_LOG=
HOLD_PIDS=()
STEP_PIDS=()
log() { echo "[$(date +%T)] $*" >&2; }
record() { echo "$*" | tee -a "$SUMMARY"; }

for tool in sipp python3 jcmd java; do
  command -v $tool >/dev/null || { echo "register-bench: $tool is required" >&2; exit 2; }
done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
MAX_SOCKET=$(( $(ulimit -n) - 100 ))

# ---- server -------------------------------------------------------------------------------------

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server $SERVER_PID did not stop in 60 s: killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}
# sipp waits for its open calls to end on SIGTERM: the holding ones are killed outright
stop_holders() {
  local p
  for p in "${HOLD_PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  for p in "${HOLD_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  HOLD_PIDS=()
}
cleanup() {
  local p
  for p in "${STEP_PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  stop_holders
  stop_server
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server DATA_DIR LOG: starts the server and waits (at most 120 s) for its "ready" line;
# sets SERVER_PID (bin/ucfront execs java: the JVM's pid) and READY_MS
start_server() {
  local data=$1 out=$2 port
  SERVER_LOG=$out
  for port in "$SIP_PORT" "$HTTP_PORT"; do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 2; fi
  done
  UCFRONT_SIP_ADDRESS=127.0.0.1 UCFRONT_HTTP_ADDRESS=127.0.0.1 \
  UCFRONT_SIP_PORT=$SIP_PORT UCFRONT_HTTP_PORT=$HTTP_PORT UCFRONT_TLS_PORT=0 UCFRONT_DATA_DIR=$data \
  UCFRONT_DOMAIN=$DOMAIN UCFRONT_ADMIN_PASSWORD=$ADMIN_PW UCFRONT_DIGEST_ALGORITHMS=MD5 \
  UCFRONT_REGISTER_EXPIRES_MAX=$EXPIRES JAVA_OPTS="-Xmx$HEAP ${EXTRA_JAVA_OPTS:-}" \
  UCFRONT_FLOOD_SOURCE_RATE=0 UCFRONT_TCP_MAX_CONNECTIONS_PER_SOURCE=1000000 \
    "$DIST/bin/ucfront" >"$out" 2>&1 </dev/null &
  SERVER_PID=$!
  local t0=$SECONDS
  until grep -qs "ucfront ready in" "$out"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server failed to start; see $out" >&2; tail -5 "$out" >&2; exit 1; fi
    if [ $((SECONDS - t0)) -gt 120 ]; then echo "server not ready in 120 s; see $out" >&2; exit 1; fi
    sleep 0.1
  done
  READY_MS=$(grep -o "ucfront ready in [0-9]* ms" "$out" | grep -o "[0-9][0-9]*" | head -1)
  log "server $SERVER_PID ready in $READY_MS ms ($(basename "$out"))"
}

server_alive() {
  if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "register-bench: the server (pid $SERVER_PID) is gone; its log: $SERVER_LOG" >&2
    tail -5 "$SERVER_LOG" >&2
    SERVER_PID=
    exit 1
  fi
}
out_of_heap() { grep -qs "OutOfMemoryError" "$SERVER_LOG"; }
errors_in_log() {
  local e w
  e=$(grep -c ' SEVERE \| ERROR ' "$1" || true)
  w=$(grep -c ' WARNING \| WARN \|EL Warning' "$1" || true)
  echo "$e SEVERE/ERROR and $w warning lines; first kinds: $(grep -o ' \(SEVERE\|ERROR\|WARNING\) [^ ]*: [^:]*' "$1" \
    | grep -v DigesterFactory | sed 's/u[0-9]*@/u*@/g' | sort | uniq -c | sort -rn | head -4 | tr -s ' ' | paste -sd ';')"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
steal_ticks() { awk '/^cpu /{print $9}' /proc/stat; }
now() { date +%s.%N; }

# heap_after_gc: sets USED (MB of heap in use after a full GC) and RSS (MB)
heap_after_gc() {
  server_alive
  jcmd "$SERVER_PID" GC.run >/dev/null
  sleep 1
  jcmd "$SERVER_PID" GC.run >/dev/null
  local k
  # summed over the generations: one line with G1, young and old with the parallel collector
  k=$(jcmd "$SERVER_PID" GC.heap_info | grep -o "total [0-9]*K, used [0-9]*K" | sed 's/.*used \([0-9]*\)K/\1/' \
    | awk '{s += $1} END {print s + 0}')
  USED=$((k / 1024))
  RSS=$(( $(awk '/VmRSS/{print $2}' "/proc/$SERVER_PID/status") / 1024 ))
}

# wait_quiet: until others (all CPU but the server's) use < QUIET_MAX % of a core over 2 s
wait_quiet() {
  local t0=$SECONDS b0 j0 b1 j1 other said=0
  while :; do
    b0=$(busy_ticks); j0=$(cpu_ticks "$SERVER_PID"); sleep 2; b1=$(busy_ticks); j1=$(cpu_ticks "$SERVER_PID")
    other=$(( ((b1 - b0) - (j1 - j0)) * 100 / HZ / 2 ))
    [ "$other" -lt "$QUIET_MAX" ] && return 0
    if [ $((SECONDS - t0)) -ge "$QUIET_WAIT" ]; then
      log "other processes still use ${other}% of a core after ${QUIET_WAIT}s: running anyway"
      return 0
    fi
    if [ $((SECONDS - said)) -ge 30 ]; then log "waiting for a quiet machine: others use ${other}% of a core"; said=$SECONDS; fi
  done
}

# ---- sipp ---------------------------------------------------------------------------------------

NEXT_USER=0   # first user of the next step (cycles through USERS)
GEN=0         # step number: makes epid/instance distinct per step

# sipp_start DIR INDEX MODE RATE COUNT HOLD_MS [SIPP_OPTION...]: one sipp of $SCENARIO in the
# background on its own CSV slice; sets SIPP_PID
sipp_start() {
  local dir=$1 i=$2 mode=$3 rate=$4 count=$5 hold=$6
  $BENCH csv --out "$dir/in$i.csv" --start "$NEXT_USER" --count "$count" --gen $((GEN % 256)) --users "$USERS" \
    --callees "$CSV_CALLEES"
  NEXT_USER=$(( (NEXT_USER + count) % USERS ))
  local irate=${rate%.*}
  [ "$irate" -gt 0 ] || irate=1
  local limit=$(( count < 2000 ? 2000 : count + 100 ))
  [ "$hold" -gt 0 ] || limit=$(( irate * 5 > 2000 ? irate * 5 : 2000 ))
  local tmax=$(( count / irate * 3 + hold / 1000 + 60 ))
  (cd "$dir" && exec sipp 127.0.0.1:"$SIP_PORT" -sf "$SCENARIO" -inf "in$i.csv" \
      -key domain "$DOMAIN" -key expires "$EXPIRES" -t "$mode" -i 127.0.0.1 -p $((SIPP_PORT + i)) \
      -m "$count" -r "$rate" -rp 1000 -l "$limit" -d "$hold" -recv_timeout 10000 -timeout "${tmax}s" \
      -default_behaviors abortunexp,pingreply -max_socket "$MAX_SOCKET" \
      -trace_stat -fd 1 -trace_rtt -rtt_freq 1 -trace_err -trace_screen -nostdin "${@:7}" \
      >"sipp$i.out" 2>&1) &
  SIPP_PID=$!
}

# await_held DIR PID COUNT: waits until the holding sipp PID got COUNT registrations answered 200
# (or COUNT answered either way, or no progress for 30 s); sets GOT and FAILED
await_held() {
  local dir=$1 pid=$2 c=$3 last=-1 still=0
  while :; do
    sleep 1
    server_alive
    GOT=$(cat "$dir"/*_"$pid"_rtt.csv 2>/dev/null | grep -c ';2$' || true)
    FAILED=$($BENCH stat "$dir"/*_"$pid"_.csv 2>/dev/null | grep '^FailedCall(C)=' | cut -d= -f2 || true)
    FAILED=${FAILED:-0}
    [ "$GOT" -ge "$c" ] && break
    [ $((GOT + FAILED)) -ge "$c" ] && break
    if [ "$GOT" = "$last" ]; then still=$((still + 1)); else still=0; fi
    [ $still -ge 30 ] && { log "no progress for 30 s: $GOT of $c registered"; break; }
    last=$GOT
  done
}

# ticks of the holding sipps (the invite phase's callees answer during its steps)
holders_ticks() {
  local p t=0
  for p in "${HOLD_PIDS[@]}"; do t=$((t + $(cpu_ticks "$p"))); done
  echo $t
}

# run_step NAME MODE RATE COUNT: one step (SIPP_PROCS sipps); logs one result line, sets STEP_OK
# (1 pass / 0 fail) and LAST_RES
run_step() {
  local name=$1 mode=$2 rate=$3 count=$4
  local dir=$WORK/steps/$name
  rm -rf "$dir"; mkdir -p "$dir"
  GEN=$((GEN + 1))
  local procs=$SIPP_PROCS i pids=() per prate
  per=$(( (count + procs - 1) / procs ))
  prate=$(awk -v r="$rate" -v p="$procs" 'BEGIN{printf "%.3f", r / p}')
  wait_quiet
  local j0 b0 v0 t0 h0 s_ticks=0
  j0=$(cpu_ticks "$SERVER_PID"); b0=$(busy_ticks); v0=$(steal_ticks); h0=$(holders_ticks); t0=$(now)
  for ((i = 0; i < procs; i++)); do
    sipp_start "$dir" "$i" "$mode" "$prate" "$per" 0
    pids+=("$SIPP_PID")
    STEP_PIDS=("${pids[@]}")
  done
  # sipp's CPU time: read until it has exited (a zombie keeps its final times until reaped)
  local alive=1 p st
  declare -A last=()
  while [ $alive = 1 ]; do
    alive=0
    for p in "${pids[@]}"; do
      st=$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null || echo X)
      [ "$st" = X ] && continue
      last[$p]=$(cpu_ticks "$p")
      [ "$st" = Z ] || alive=1
    done
    sleep 0.2
  done
  for p in "${pids[@]}"; do wait "$p" || true; s_ticks=$((s_ticks + ${last[$p]:-0})); done
  STEP_PIDS=()
  s_ticks=$((s_ticks + $(holders_ticks) - h0))
  local t1 j1 b1 v1
  t1=$(now); j1=$(cpu_ticks "$SERVER_PID"); b1=$(busy_ticks); v1=$(steal_ticks)
  server_alive
  LAST_RES=$($BENCH step --dir "$dir" --rate "$rate" --count $((per * procs)) \
        --wall "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b - a}')" \
        --java-ticks $((j1 - j0)) --sipp-ticks "$s_ticks" --busy-ticks $((b1 - b0)) --steal-ticks $((v1 - v0)) \
        --hz "$HZ" --quiet-max "$QUIET_MAX" --max-p99 "$MAX_P99" --requests "$STEP_REQUESTS")
  if out_of_heap; then LAST_RES="$LAST_RES OUT-OF-HEAP"; fi
  echo "$name $LAST_RES" | tee -a "$WORK/steps.txt" >&2
  case "$LAST_RES" in PASS*) STEP_OK=1 ;; *) STEP_OK=0 ;; esac
}

# run_steps LABEL MODE SECONDS RATES...: stepped rates; records the highest passing step (BEST_RATE,
# "none" if none passed)
run_steps() {
  local label=$1 mode=$2 seconds=$3; shift 3
  local best="none" best_line="" fails=0 rate
  for rate in "$@"; do
    run_step "$label-$rate" "$mode" "$rate" $((rate * seconds))
    if [ "$STEP_OK" = 1 ]; then
      best=$rate; best_line=$LAST_RES; fails=0
    else
      fails=$((fails + 1))
      if out_of_heap; then record "$label: the server ran out of heap (-Xmx$HEAP) at $rate calls/s"; break; fi
      [ $fails -ge 2 ] && break
    fi
    sleep 3 # the write-behind catches up
  done
  record "$label highest passing rate: $best calls/s${best_line:+ | $best_line}"
  BEST_RATE=$best
}

# fresh_server NAME: a server on a fresh copy of the users' data dir
fresh_server() {
  stop_server
  rm -rf "$WORK/data"; cp -r "$WORK/data-users" "$WORK/data"
  start_server "$WORK/data" "$WORK/server-$1.log"
}

# ---- phases -------------------------------------------------------------------------------------

record "# register-bench $(date -Is)"
record "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(sipp -v 2>&1 | grep -o 'SIPp v[^ ,-]*' | head -1)"
record "dist: $DIST  heap: -Xmx$HEAP  users: $USERS  sipp processes per step: $SIPP_PROCS  work: $WORK"

if [ ! -d "$WORK/data-users" ]; then
  log "prepare: fresh data dir, $USERS users"
  rm -rf "$WORK/data"
  start_server "$WORK/data" "$WORK/server-prepare.log"
  record "ready, empty data dir: $READY_MS ms"
  log "creating $USERS users with $USER_THREADS connections"
  $BENCH users --url "http://127.0.0.1:$HTTP_PORT" --password "$ADMIN_PW" --domain "$DOMAIN" \
    --count "$USERS" --threads "$USER_THREADS" | tee -a "$SUMMARY"
  stop_server
  cp -r "$WORK/data" "$WORK/data-users"
fi

case " $PHASES " in *" throughput "*)
  fresh_server throughput-tcp
  record "ready, $USERS users and no endpoint: $READY_MS ms"
  if [ "$WARMUP_CALLS" -gt 0 ]; then
    log "warm-up: $WARMUP_CALLS calls at $WARMUP_RATE/s over TCP"
    run_step "warmup" t1 "$WARMUP_RATE" "$WARMUP_CALLS"
    record "warm-up (not judged): $LAST_RES"
    sleep 3
  fi
  [ -z "$TCP_RATES" ] || run_steps "tcp-t1" t1 "$TCP_STEP_SECONDS" $TCP_RATES
  if [ -n "$TN_RATES" ]; then
    if out_of_heap; then fresh_server throughput-tn; fi
    run_steps "tcp-tn" tn "$TCP_STEP_SECONDS" $TN_RATES
  fi
  heap_after_gc
  record "heap after GC after the TCP steps: ${USED} MB (RSS ${RSS} MB; class histogram: $WORK/histogram-after-tcp.txt)"
  jcmd "$SERVER_PID" GC.class_histogram >"$WORK/histogram-after-tcp.txt" 2>&1 || true
  record "server log (TCP steps): $(errors_in_log "$SERVER_LOG")"
  if [ -n "$UDP_RATES" ]; then
    fresh_server throughput-udp
    if [ "$WARMUP_CALLS" -gt 0 ]; then run_step "warmup-udp" t1 "$WARMUP_RATE" "$WARMUP_CALLS"; sleep 3; fi
    run_steps "udp" u1 "$UDP_STEP_SECONDS" $UDP_RATES
    server_alive
    record "server log (UDP steps): $(errors_in_log "$SERVER_LOG")"
  fi
  stop_server
  ;;
esac

case " $PHASES " in *" memory "*)
  fresh_server memory
  heap_after_gc
  record "heap after GC, $USERS users, no endpoint: ${USED} MB (RSS ${RSS} MB)"
  live=0; k=0
  for point in $MEM_POINTS; do
    [ "$point" -le "$USERS" ] || { record "skipping $point endpoints: more than USERS=$USERS"; continue; }
    n=$((point - live))
    [ $n -gt 0 ] || continue
    dir=$WORK/steps/fill-$point; rm -rf "$dir"; mkdir -p "$dir"
    log "registering $n endpoints at $FILL_RATE/s over TCP, $FILL_CHUNK per sipp, held open"
    t0=$(now); j0=$(cpu_ticks "$SERVER_PID"); got_all=0; failed_all=0; left=$n
    while [ $left -gt 0 ]; do
      c=$(( left < FILL_CHUNK ? left : FILL_CHUNK ))
      k=$((k + 1)); GEN=$((GEN + 1))
      # index 10+k: a port of its own; held for at most 2 h (the phase kills it when done)
      sipp_start "$dir" $((10 + k)) t1 "$FILL_RATE" "$c" 7200000
      HOLD_PIDS+=("$SIPP_PID")
      await_held "$dir" "$SIPP_PID" "$c"
      got_all=$((got_all + GOT)); failed_all=$((failed_all + FAILED)); left=$((left - c))
    done
    t1=$(now); j1=$(cpu_ticks "$SERVER_PID")
    got=$got_all
    live=$((live + got))
    record "fill to $point: $got registered, $failed_all failed, $(awk -v n="$got" -v a="$t0" -v b="$t1" -v j=$((j1 - j0)) -v hz="$HZ" \
      'BEGIN{printf "%.0f calls/s over TCP, server CPU %.0f%%", n / (b - a), 100 * j / hz / (b - a)}'); $($BENCH rtt "$dir"/*_rtt.csv | tr '\n' ' ')"
    sleep 2 # the write-behind has flushed
    heap_after_gc
    record "heap after GC, $live live endpoints, right after registering: ${USED} MB (RSS ${RSS} MB)"
    sleep "$SETTLE_SECONDS"
    heap_after_gc
    record "heap after GC, $live live endpoints, ${SETTLE_SECONDS} s later: ${USED} MB (RSS ${RSS} MB)"
  done
  jcmd "$SERVER_PID" GC.class_histogram >"$WORK/histogram-$live.txt" 2>&1 || true
  record "server log (memory): $(errors_in_log "$SERVER_LOG")"
  t0=$(now); stop_server; t1=$(now)
  record "stop with $live endpoints: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}') s"
  start_server "$WORK/data" "$WORK/server-restart.log"
  restored=$(grep -o "[0-9]* endpoints of [0-9]* users restored in [0-9]* ms" "$SERVER_LOG" || true)
  record "ready after a restart with $live persisted endpoints: $READY_MS ms ($restored)"
  heap_after_gc
  record "heap after GC after that restart: ${USED} MB (RSS ${RSS} MB)"
  stop_holders
  stop_server
  ;;
esac

case " $PHASES " in *" profile "*)
  # deep container stacks: record up to 256 frames (JFR's default, 64, cuts the servlet off)
  EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=256" fresh_server profile
  [ "$WARMUP_CALLS" -gt 0 ] && run_step "profile-warmup" t1 "$WARMUP_RATE" "$WARMUP_CALLS"
  jcmd "$SERVER_PID" JFR.start name=bench settings=profile filename="$WORK/profile.jfr" >/dev/null
  run_step "profile-tcp-$PROFILE_RATE" t1 "$PROFILE_RATE" $((PROFILE_RATE * PROFILE_SECONDS))
  jcmd "$SERVER_PID" JFR.stop name=bench >/dev/null
  record "profiled step: $LAST_RES"
  stop_server
  $BENCH jfr-top "$WORK/profile.jfr" >"$WORK/profile-top.txt" || true
  head -60 "$WORK/profile-top.txt"
  record "profile: $WORK/profile.jfr; hottest frames: $WORK/profile-top.txt"
  ;;
esac

case " $PHASES " in *" subscribe "*)
  fresh_server subscribe
  SCENARIO=$HERE/provisioning-bench.xml STEP_REQUESTS=subscribe_req:2
  if [ "$SUB_WARMUP_CALLS" -gt 0 ]; then
    run_step "subscribe-warmup" t1 "$SUB_WARMUP_RATE" "$SUB_WARMUP_CALLS"
    record "subscribe warm-up (not judged): $LAST_RES"
    sleep 3
  fi
  run_steps "subscribe" t1 "$TCP_STEP_SECONDS" $SUB_RATES
  SCENARIO=$HERE/register-bench.xml STEP_REQUESTS=register_req:2
  if [ "$BEST_RATE" != none ]; then
    sleep 3
    run_step "subscribe-reference-register-$BEST_RATE" t1 "$BEST_RATE" $((BEST_RATE * TCP_STEP_SECONDS))
    record "REGISTER alone at $BEST_RATE calls/s on the same server (reference): $LAST_RES"
  fi
  record "server log (subscribe steps): $(errors_in_log "$SERVER_LOG")"
  stop_server
  ;;
esac

case " $PHASES " in *" invite "*)
  [ "$CALLEES" -lt $((USERS / 2)) ] || { echo "register-bench: CALLEES must be under USERS/2" >&2; exit 2; }
  fresh_server invite
  dir=$WORK/steps/callees; rm -rf "$dir"; mkdir -p "$dir"
  log "registering $CALLEES callees' endpoints at $FILL_RATE/s over one TCP connection, held open"
  NEXT_USER=0; GEN=$((GEN + 1))
  # index 9: a port of its own; held for at most 2 h (stop_holders kills it)
  sipp_start "$dir" 9 t1 "$FILL_RATE" "$CALLEES" 7200000 -oocsf "$HERE/invite-callee.xml"
  HOLD_PIDS+=("$SIPP_PID")
  await_held "$dir" "$SIPP_PID" "$CALLEES"
  record "invite: $GOT of $CALLEES callees registered ($FAILED failed), held by sipp $SIPP_PID"
  [ "$GOT" -eq "$CALLEES" ] || { echo "register-bench: not every callee registered; see $dir" >&2; exit 1; }
  SCENARIO=$HERE/invite-caller.xml CSV_CALLEES=$CALLEES STEP_REQUESTS=
  if [ "$INVITE_WARMUP_CALLS" -gt 0 ]; then
    run_step "invite-warmup" t1 "$INVITE_WARMUP_RATE" "$INVITE_WARMUP_CALLS"
    record "invite warm-up (not judged): $LAST_RES"
    sleep 3
  fi
  run_steps "invite" t1 "$TCP_STEP_SECONDS" $INVITE_RATES
  SCENARIO=$HERE/register-bench.xml CSV_CALLEES=0 STEP_REQUESTS=register_req:2
  server_alive
  record "server log (invite steps): $(errors_in_log "$SERVER_LOG")"
  stop_holders
  stop_server
  ;;
esac

echo
echo "================ summary ($WORK/summary.txt) ================"
cat "$SUMMARY"
echo
echo "steps: rate asked; calls ok/failed; retransmissions; unexpected msgs; rate achieved (calls/s and"
echo "REGISTER requests/s); rtd1 = REGISTER->401, rtd2 = REGISTER with credentials->200, p50/p99/max ms"
echo "(subscribe: rtd3 = SUBSCRIBE->407, rtd4 = SUBSCRIBE with credentials->200; invite: rtd1 = INVITE->407,"
echo "rtd2 = INVITE with credentials->200, rtd3 = BYE->200);"
echo "CPU in % of one core: server, sipp, all other processes:"
cat "$WORK/steps.txt"
