#!/usr/bin/env bash
# kamailio-compare.sh: ucfront and Kamailio side by side, on one machine and in one run, on the same
# sipp scenarios; prints the ratio ucfront/Kamailio of the highest passing rate of each. It installs
# nothing: Kamailio comes from Debian (apt-get install kamailio; see docs/benchmarks.md).
#
# Usage:  src/bench/kamailio-compare.sh [DIST_DIR]     (default target/ucfront; copy it first if
#         target/ may be rebuilt meanwhile: cp -r target/ucfront /tmp/cmp-dist)
#
# Settings (environment variables):
#   UC_SIP_PORT=25600 UC_HTTP_PORT=28600 KAM_PORT=25610 SIPP_PORT=25620   loopback ports (sipp takes
#                      SIPP_PORT up to SIPP_PORT+40*SIPP_PROCS, new ports each step)
#   USERS=60000        users u0..u<USERS-1> (password p<i>) in both servers; steps take users in turn,
#                      so a "new" step only registers new endpoints while the run stays below USERS
#   AUTHS="digest none"            with Digest MD5 (REGISTER, 401, REGISTER, 200) and without (REGISTER, 200)
#   MODES="u1 t1 tn"               sipp transports: UDP, TCP on one connection, TCP connection per call
#   KINDS="new refresh"            new endpoints; then the same endpoints registering again
#   TARGETS="kamailio ucfront"     both, started side by side (fresh per AUTHS value); at each rate
#                      each runs its step in turn, so both see the same moments of this machine
#   UDP_RATES="250 500 1000 1500 2000 3000 4000"   calls/s steps (one call = one registration)
#   TCP_RATES="500 1000 2000 3000 4000 6000 8000 11000"
#   TN_RATES="100 250 500 1000 1500 2000"
#   STEP_SECONDS=10    length of a step (RATE*STEP_SECONDS calls)
#   WARMUP_CALLS=10000 WARMUP_RATE=500   warm-up of each server start over TCP (not judged), on the
#                      last WARMUP_CALLS users
#   WARMUP_ROUNDS=1    warm-up steps per start, on the same users (after the first, refreshes): the
#                      JVM's compilers are still at work for a minute or more after one round
#   SIPP_PROCS=1       sipp processes per step sharing its rate (if one sipp is the limit)
#   SIPP_BUFF=1048576  sipp's socket buffers (-buff_size), bytes: sipp's own 65,535 is set before it
#                      connects, which leaves its TCP receive window unscaled (64 KB); a server's
#                      answers after any pause then wait for that window (see docs/benchmarks.md)
#   KAM_CHILDREN=8     Kamailio's UDP and TCP worker processes each (children, tcp_children)
#   KAM_SHM=2048       Kamailio's shared memory, MB (-m): its location table and the users' htable
#                      live there; 512 MB ran out at ~200,000 contacts with 300,000 users (500s
#                      "usrloc_contact_insert failed")
#   HEAP=512m          ucfront's -Xmx
#   MAX_P99=500        a passing step's p99 bound, ms (over UDP a later answer is a retransmission)
#   SETTLE_CPU=20 SETTLE_MAX=60   before each step, wait (at most SETTLE_MAX s) until the server
#                      uses less than SETTLE_CPU % of a core over a second: a step's end (ucfront
#                      unbinds and rewrites the endpoints of a closed TCP connection) is not charged
#                      to the next step; the wait is logged
#   JFR=0              1: record ucfront with JFR (stack depth 256) from the end of its warm-up to its
#                      stop, per AUTHS value: $WORK/ucfront-<auth>.jfr and <auth>-jfr-top.txt
#                      (bench.py jfr-top: samples by category, thread, frame, method)
#   EXTRA_JAVA_OPTS=   more JVM options for ucfront (e.g. to compare GC settings)
#   WORK=/tmp/kamailio-compare.<date>
#
# A step PASSes when sipp counts no failed call, no retransmission, no unexpected message, at least
# 95% of the rate asked was achieved and p99 < MAX_P99 (bench.py step); a ramp stops after 2 failed
# steps. Reported per step: p50/p99 (rtd1 REGISTER->401, rtd2 REGISTER->200), CPU of the server
# (all Kamailio processes / the JVM) and of sipp in % of one core, the rest of the machine's CPU
# (cpu_other) and the CPU the hypervisor gave other guests (steal: a step with some is not a clean
# measure), and the server's peak memory
# (Kamailio: sum of PSS of its processes, sampled; ucfront: the JVM's VmHWM). "saturated" names the
# side that was the limit at the first failing step: server CPU >= 90% of all cores, or sipp >= 90%
# of one core (then raise SIPP_PROCS).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DIST=$(cd "${1:-$REPO/target/ucfront}" && pwd)
UC_SIP_PORT=${UC_SIP_PORT:-25600}
UC_HTTP_PORT=${UC_HTTP_PORT:-28600}
KAM_PORT=${KAM_PORT:-25610}
SIPP_PORT=${SIPP_PORT:-25620}
USERS=${USERS:-60000}
AUTHS=${AUTHS:-digest none}
MODES=${MODES:-u1 t1 tn}
KINDS=${KINDS:-new refresh}
TARGETS=${TARGETS:-kamailio ucfront}
UDP_RATES=${UDP_RATES:-250 500 1000 1500 2000 3000 4000}
TCP_RATES=${TCP_RATES:-500 1000 2000 3000 4000 6000 8000 11000}
TN_RATES=${TN_RATES:-100 250 500 1000 1500 2000}
STEP_SECONDS=${STEP_SECONDS:-10}
WARMUP_CALLS=${WARMUP_CALLS:-10000}
WARMUP_RATE=${WARMUP_RATE:-500}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-1}
SIPP_PROCS=${SIPP_PROCS:-1}
SIPP_BUFF=${SIPP_BUFF:-1048576}
KAM_CHILDREN=${KAM_CHILDREN:-8}
KAM_SHM=${KAM_SHM:-2048}
HEAP=${HEAP:-512m}
MAX_P99=${MAX_P99:-500}
SETTLE_CPU=${SETTLE_CPU:-20}
SETTLE_MAX=${SETTLE_MAX:-60}
JFR=${JFR:-0}
WORK=${WORK:-/tmp/kamailio-compare.$(date +%Y%m%d-%H%M%S)}
DOMAIN=bench.local
ADMIN_PW=bench-admin-pw
EXPIRES=7200
BENCH="python3 $HERE/bench.py"
HZ=$(getconf CLK_TCK)
CORES=$(nproc)
KAM_MODULES=${KAM_MODULES:-/usr/lib/x86_64-linux-gnu/kamailio/modules}

for tool in sipp python3 java kamailio; do
  command -v $tool >/dev/null || { echo "kamailio-compare: $tool is required (see docs/benchmarks.md)" >&2; exit 2; }
done
mkdir -p "$WORK"
SUMMARY=$WORK/summary.txt
: >"$SUMMARY"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
MAX_SOCKET=$(( $(ulimit -n) - 100 ))
log() { echo "[$(date +%T)] $*" >&2; }
record() { echo "$*" | tee -a "$SUMMARY"; }

# the target the next step measures (use_target): its server's process, port and peak memory
TARGET=
SERVER_PID=
PORT=
MEM_PEAK=0
declare -A PID_OF=() PEAK_OF=()
use_target() { # use_target NAME
  [ -n "$TARGET" ] && PEAK_OF[$TARGET]=$MEM_PEAK
  TARGET=$1; SERVER_PID=${PID_OF[$1]:-}; MEM_PEAK=${PEAK_OF[$1]:-0}
  if [ "$1" = kamailio ]; then PORT=$KAM_PORT; else PORT=$UC_SIP_PORT; fi
}
STEP_PIDS=()
stop_servers() {
  local t p
  for t in "${!PID_OF[@]}"; do
    p=${PID_OF[$t]}
    kill -TERM "$p" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  PID_OF=(); PEAK_OF=(); TARGET=; SERVER_PID=; PORT=; MEM_PEAK=0
}
cleanup() {
  local p
  for p in "${STEP_PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  stop_servers
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the server's processes: the JVM, or Kamailio's main process and its children
server_pids() { echo "$SERVER_PID"; pgrep -P "$SERVER_PID" 2>/dev/null || true; }
server_ticks() { local t=0 p; for p in $(server_pids); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
# kB: Kamailio shares its memory between processes (PSS counts each page once); the JVM is one process
server_mem_kb() {
  if [ "$TARGET" = ucfront ]; then awk '/VmHWM/{print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0
  else local t=0 p; for p in $(server_pids); do t=$((t + $(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0))); done; echo $t; fi
}
sipp_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
steal_ticks() { awk '/^cpu /{print $9}' /proc/stat; }
now() { date +%s.%N; }

wait_port() { # wait_port PORT LOG: until something answers OPTIONS-ready (TCP accept) on PORT
  local t0=$SECONDS
  until (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server failed to start; see $2" >&2; tail -5 "$2" >&2; exit 1; }
    [ $((SECONDS - t0)) -lt 120 ] || { echo "server not ready in 120 s; see $2" >&2; exit 1; }
    sleep 0.2
  done
}

# ---- Kamailio: generated configuration, users in an in-memory hash table loaded from db_text ----

kamailio_prepare() {
  local db=$WORK/kamailio-db
  mkdir -p "$db"
  printf 'id(int,auto) table_name(string) table_version(int) \n0:htable:2\n' >"$db/version"
  awk -v n="$USERS" 'BEGIN{print "id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int) ";
    for (i = 0; i < n; i++) printf "%d:u%d:0:0:p%d:0\n", i + 1, i, i}' >"$db/htable"
  cat >"$WORK/kamailio.cfg" <<EOF
#!KAMAILIO
# generated by kamailio-compare.sh: a registrar on loopback, in-memory location table (usrloc
# db_mode 0); with -A WITH_AUTH, Digest MD5 against the users' passwords in an htable
debug=0
log_stderror=yes
fork=yes
children=$KAM_CHILDREN
tcp_children=$KAM_CHILDREN
listen=udp:127.0.0.1:$KAM_PORT
listen=tcp:127.0.0.1:$KAM_PORT
alias="$DOMAIN"
auto_aliases=no
dns=no
rev_dns=no
use_dns_cache=no
tcp_max_connections=65536
tcp_connection_lifetime=3605
mpath="$KAM_MODULES/"
loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
modparam("usrloc", "db_mode", 0)
modparam("registrar", "max_expires", $EXPIRES)
#!ifdef WITH_AUTH
loadmodule "db_text.so"
modparam("db_text", "max_result_rows", $USERS)
loadmodule "htable.so"
loadmodule "auth.so"
modparam("htable", "db_url", "text://$db")
modparam("htable", "htable", "users=>size=17;dbtable=htable;")
#!endif
request_route {
    if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
    if (is_method("REGISTER")) {
#!ifdef WITH_AUTH
        if (!pv_auth_check("\$fd", "\$sht(users=>\$fU)", "0", "1")) { auth_challenge("\$fd", "0"); exit; }
#!endif
        if (!save("location")) { sl_reply_error(); }
        exit;
    }
    if (is_method("OPTIONS")) { sl_send_reply("200", "OK"); exit; }
    sl_send_reply("405", "Method Not Allowed");
}
EOF
}

kamailio_start() { # kamailio_start AUTH
  local out=$WORK/kamailio-$1.log defs=()
  [ "$1" = digest ] && defs=(-A WITH_AUTH)
  kamailio -f "$WORK/kamailio.cfg" "${defs[@]}" -DD -E -m "$KAM_SHM" -M 16 -w "$WORK" >"$out" 2>&1 </dev/null &
  SERVER_PID=$!
  PORT=$KAM_PORT
  PID_OF[kamailio]=$SERVER_PID
  wait_port "$KAM_PORT" "$out"
  log "kamailio $SERVER_PID ($1) listening on $KAM_PORT"
}

# ---- ucfront --------------------------------------------------------------------------------------

ucfront_env() {
  exec env UCFRONT_SIP_ADDRESS=127.0.0.1 UCFRONT_HTTP_ADDRESS=127.0.0.1 UCFRONT_SIP_PORT=$UC_SIP_PORT \
    UCFRONT_HTTP_PORT=$UC_HTTP_PORT UCFRONT_TLS_PORT=0 UCFRONT_DATA_DIR="$1" UCFRONT_DOMAIN=$DOMAIN \
    UCFRONT_ADMIN_PASSWORD=$ADMIN_PW UCFRONT_DIGEST_ALGORITHMS=MD5 UCFRONT_REGISTER_EXPIRES_MAX=$EXPIRES \
    UCFRONT_AUTH="$2" UCFRONT_FLOOD_SOURCE_RATE=0 UCFRONT_FLOOD_USER_RATE=0 \
    UCFRONT_TCP_MAX_CONNECTIONS_PER_SOURCE=1000000 JAVA_OPTS="-Xmx$HEAP ${EXTRA_JAVA_OPTS:-}$([ "$JFR" = 1 ] && echo " -XX:FlightRecorderOptions:stackdepth=256")" \
    "$DIST/bin/ucfront"
}

ucfront_start() { # ucfront_start DATA AUTH
  local out=$WORK/ucfront-$2.log
  ucfront_env "$1" "$2" >"$out" 2>&1 </dev/null &
  SERVER_PID=$!
  PID_OF[ucfront]=$SERVER_PID
  until grep -qs "ucfront ready in" "$out"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "ucfront failed to start; see $out" >&2; exit 1; }
    sleep 0.2
  done
  PORT=$UC_SIP_PORT
  log "ucfront $SERVER_PID ($2) $(grep -o 'ready in [0-9]* ms' "$out")"
}

ucfront_prepare() {
  [ -d "$WORK/ucfront-users" ] && return 0
  rm -rf "$WORK/ucfront-data"
  ucfront_start "$WORK/ucfront-data" digest
  log "creating $USERS users in ucfront"
  $BENCH users --url "http://127.0.0.1:$UC_HTTP_PORT" --password "$ADMIN_PW" --domain "$DOMAIN" --count "$USERS" --threads 16
  stop_servers
  mv "$WORK/ucfront-data" "$WORK/ucfront-users"
}

# ---- steps ----------------------------------------------------------------------------------------

NEXT_USER=0
STEP_NO=0

# run_step NAME MODE RATE COUNT START SCENARIO: sets STEP_OK and LAST_RES
run_step() {
  local name=$1 mode=$2 rate=$3 count=$4 start=$5 scenario=$6
  local dir=$WORK/steps/$TARGET-$name
  rm -rf "$dir"; mkdir -p "$dir"
  local procs=$SIPP_PROCS i pids=() per prate
  per=$(( (count + procs - 1) / procs ))
  prate=$(awk -v r="$rate" -v p="$procs" 'BEGIN{printf "%.3f", r / p}')
  local j0 b0 v0 t0 s_ticks=0 port0
  # each step's sipp binds new local ports: a TCP client reconnecting from the port of a connection
  # the server is still closing is not what clients do (they take a new ephemeral port)
  STEP_NO=$((STEP_NO + 1)); port0=$((SIPP_PORT + (STEP_NO % 40) * SIPP_PROCS))
  j0=$(server_ticks); b0=$(busy_ticks); v0=$(steal_ticks); t0=$(now)
  for ((i = 0; i < procs; i++)); do
    $BENCH csv --out "$dir/in$i.csv" --start $(( (start + i * per) % USERS )) --count "$per" --gen 1 --users "$USERS"
    (cd "$dir" && exec sipp 127.0.0.1:"$PORT" -sf "$scenario" -inf "in$i.csv" \
        -key domain "$DOMAIN" -key expires "$EXPIRES" -t "$mode" -i 127.0.0.1 -p $((port0 + i)) \
        -m "$per" -r "$prate" -rp 1000 -l $(( per + 100 )) -d 0 -recv_timeout 10000 \
        -timeout $(( per * 3 / (${prate%.*} > 0 ? ${prate%.*} : 1) + 60 ))s \
        -default_behaviors abortunexp,pingreply -max_socket "$MAX_SOCKET" \
        -buff_size "$SIPP_BUFF" -trace_stat -fd 1 -trace_rtt -rtt_freq 1 -trace_err -nostdin >"sipp$i.out" 2>&1) &
    pids+=("$!")
  done
  STEP_PIDS=("${pids[@]}")
  local alive=1 p st m
  declare -A last=()
  while [ $alive = 1 ]; do
    alive=0
    for p in "${pids[@]}"; do
      st=$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null || echo X)
      [ "$st" = X ] && continue
      last[$p]=$(sipp_ticks "$p")
      [ "$st" = Z ] || alive=1
    done
    m=$(server_mem_kb); [ "$m" -gt "$MEM_PEAK" ] && MEM_PEAK=$m
    sleep 0.2
  done
  for p in "${pids[@]}"; do wait "$p" || true; s_ticks=$((s_ticks + ${last[$p]:-0})); done
  STEP_PIDS=()
  local t1 j1 b1 v1
  t1=$(now); j1=$(server_ticks); b1=$(busy_ticks); v1=$(steal_ticks)
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "kamailio-compare: $TARGET died; see $WORK" >&2; exit 1; }
  LAST_RES=$($BENCH step --dir "$dir" --rate "$rate" --count $((per * procs)) \
        --wall "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b - a}')" \
        --java-ticks $((j1 - j0)) --sipp-ticks "$s_ticks" --busy-ticks $((b1 - b0)) --steal-ticks $((v1 - v0)) \
        --hz "$HZ" --quiet-max 1000 --max-p99 "$MAX_P99" | sed 's/cpu_java=/cpu_server=/')
  LAST_RES="$LAST_RES mem_peak=$((MEM_PEAK / 1024))MB"
  echo "$TARGET $name $LAST_RES" | tee -a "$WORK/steps.txt" >&2
  case "$LAST_RES" in PASS*) STEP_OK=1 ;; *) STEP_OK=0 ;; esac
}

# settle NAME: wait until every server is quiet (SETTLE_CPU, SETTLE_MAX), the one about to be
# measured last: the other's work after its own step (ucfront unbinding a closed connection's
# endpoints) is not charged to this one
settle() {
  local measured=$TARGET t
  for t in "${!PID_OF[@]}"; do
    [ "$t" = "$measured" ] || { use_target "$t"; wait_quiet; }
  done
  use_target "$measured"; wait_quiet
  log "$TARGET quiet after ${WAITED}s before $1"
}
wait_quiet() { # the current target's server uses less than SETTLE_CPU % of a core over a second
  local t0 t1
  WAITED=0
  while [ "$WAITED" -lt "$SETTLE_MAX" ]; do
    t0=$(server_ticks); sleep 1; t1=$(server_ticks); WAITED=$((WAITED + 1))
    [ $(( (t1 - t0) * 100 / HZ )) -lt "$SETTLE_CPU" ] && break
  done
}

saturation() { # saturation RESULT_LINE: which side was the limit
  local srv sp
  srv=$(grep -o 'cpu_server=[0-9]*' <<<"$1" | grep -o '[0-9]*$')
  sp=$(grep -o 'cpu_sipp=[0-9]*' <<<"$1" | grep -o '[0-9]*$')
  if [ "${srv:-0}" -ge $((90 * CORES)) ]; then echo "server CPU"
  elif [ "${sp:-0}" -ge $((90 * SIPP_PROCS)) ]; then echo "sipp CPU"
  else echo "neither CPU-bound (latency or losses)"; fi
}

# ramp LABEL MODE SCENARIO START RATES...: each target's highest passing rate into BEST[target],
# BEST_LINE[target], LIMIT[target]; at each rate the targets run their step in turn, on the same
# users, and a target stops after 2 failed steps while the other goes on
declare -A BEST=() BEST_LINE=() LIMIT=() FAILS=()
ramp() {
  local label=$1 mode=$2 scenario=$3 start=$4; shift 4
  local rate t first_start=$start going
  for t in $TARGETS; do BEST[$t]=0; BEST_LINE[$t]="-"; LIMIT[$t]="-"; FAILS[$t]=0; done
  for rate in "$@"; do
    going=0
    for t in $TARGETS; do
      [ "${FAILS[$t]}" -ge 2 ] && continue
      going=1
      use_target "$t"
      settle "$label-$rate"
      run_step "$label-$rate" "$mode" "$rate" $((rate * STEP_SECONDS)) "$start" "$scenario"
      if [ "$STEP_OK" = 1 ]; then BEST[$t]=$rate; BEST_LINE[$t]=$LAST_RES; FAILS[$t]=0
      else FAILS[$t]=$((FAILS[$t] + 1)); [ "${LIMIT[$t]}" = "-" ] && LIMIT[$t]="$(saturation "$LAST_RES") at $rate/s"; fi
    done
    [ $going = 1 ] || break
    start=$(( start + rate * STEP_SECONDS ))
  done
  RAMP_END=$start
  RAMP_START=$first_start
}

declare -A RESULT
record "# kamailio-compare $(date -Is)"
record "machine: $CORES cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(kamailio -v | head -1), $(sipp -v 2>&1 | grep -o 'SIPp v[^ ,-]*' | head -1)"
record "dist: $DIST  users: $USERS  step: ${STEP_SECONDS}s  sipp processes: $SIPP_PROCS  kamailio children: $KAM_CHILDREN, shm: ${KAM_SHM} MB  work: $WORK"

kamailio_prepare
[[ " $TARGETS " == *" ucfront "* ]] && ucfront_prepare

for auth in $AUTHS; do
  scenario=$HERE/register-bench.xml
  [ "$auth" = none ] && scenario=$HERE/register-noauth.xml
  for t in $TARGETS; do
    if [ "$t" = kamailio ]; then kamailio_start "$auth"
    else rm -rf "$WORK/ucfront-run"; cp -r "$WORK/ucfront-users" "$WORK/ucfront-run"; ucfront_start "$WORK/ucfront-run" "$auth"; fi
  done
  # the same warm-up for both (the JVM compiles its hot paths), on the last users, over TCP
  for round in $(seq 1 "$WARMUP_ROUNDS"); do
    for t in $TARGETS; do
      use_target "$t"
      run_step "warmup-$auth-$round" t1 "$WARMUP_RATE" "$WARMUP_CALLS" $((USERS - WARMUP_CALLS)) "$scenario" || true
    done
  done
  if [ -n "${PID_OF[ucfront]:-}" ] && [ "$JFR" = 1 ]; then
    jcmd "${PID_OF[ucfront]}" JFR.start name=cmp settings=profile filename="$WORK/ucfront-$auth.jfr" >/dev/null
  fi
  NEXT_USER=0
  for mode in $MODES; do
    case $mode in u1) rates=$UDP_RATES ;; t1) rates=$TCP_RATES ;; *) rates=$TN_RATES ;; esac
    for kind in $KINDS; do
      if [ "$kind" = new ]; then
        # shellcheck disable=SC2086
        ramp "$auth-$mode-new" "$mode" "$scenario" "$NEXT_USER" $rates
        NEW_START=$RAMP_START; NEXT_USER=$RAMP_END
      else
        # the endpoints of this mode's "new" ramp register again (same users, epids, instances)
        # shellcheck disable=SC2086
        ramp "$auth-$mode-refresh" "$mode" "$scenario" "${NEW_START:-0}" $rates
      fi
      for t in $TARGETS; do RESULT[$t,$auth,$mode,$kind]="${BEST[$t]}|${BEST_LINE[$t]}|${LIMIT[$t]}"; done
    done
  done
  [ "$NEXT_USER" -lt $((USERS - WARMUP_CALLS)) ] || log "WARNING: steps used more than USERS-WARMUP_CALLS users: later 'new' steps re-registered endpoints"
  if [ -n "${PID_OF[ucfront]:-}" ] && [ "$JFR" = 1 ]; then
    jcmd "${PID_OF[ucfront]}" JFR.stop name=cmp >/dev/null
    $BENCH jfr-top "$WORK/ucfront-$auth.jfr" >"$WORK/$auth-jfr-top.txt" || true
  fi
  stop_servers
  sleep 2
done

record ""
record "| auth | transport | kind | Kamailio calls/s | ucfront calls/s | ratio | Kamailio p50/p99 ms | ucfront p50/p99 ms | CPU K / u % | peak mem K / u MB | limit K / u |"
record "|---|---|---|---|---|---|---|---|---|---|---|"
lat() { local l; l=$(grep -o 'rtd2=[0-9]*/[0-9]*' <<<"$1" | cut -d= -f2); echo "${l:--}"; }
fld() { local v; v=$(grep -o "$2=[0-9]*" <<<"$1" | cut -d= -f2); echo "${v:--}"; }
for auth in $AUTHS; do for mode in $MODES; do for kind in $KINDS; do
  IFS='|' read -r kb kl klim <<<"${RESULT[kamailio,$auth,$mode,$kind]:-0|-|-}"
  IFS='|' read -r ub ul ulim <<<"${RESULT[ucfront,$auth,$mode,$kind]:-0|-|-}"
  ratio=$(awk -v u="$ub" -v k="$kb" 'BEGIN{ if (k > 0) printf "%.2f", u / k; else print "-" }')
  record "| $auth | $mode | $kind | $kb | $ub | $ratio | $(lat "$kl") | $(lat "$ul") | $(fld "$kl" cpu_server) / $(fld "$ul" cpu_server) | $(fld "$kl" mem_peak) / $(fld "$ul" mem_peak) | $klim / $ulim |"
done; done; done
record ""
record "one call = one registration (with Digest: two REGISTER requests); every step's line: $WORK/steps.txt"
