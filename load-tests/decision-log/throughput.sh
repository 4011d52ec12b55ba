#!/usr/bin/env bash
# Decision throughput of one server jar under wrk, on the embedded PostgreSQL in a fresh data
# directory: a 10 s warm-up, then the measured run.
#
#   throughput.sh <pdp-server.jar> [java] [duration] [shared|pinned]
#
# shared (default): the server, its PostgreSQL and wrk share every core.
# pinned: PostgreSQL gets CPU 1 to itself, as an external database would; the server and wrk
#         share CPU 0. Compares the decision path's own cost with the database's work set aside.
# PACE_MS=<ms> (environment): each of the 16 connections sends one check per PACE_MS, a fixed
#         offered load instead of as fast as possible (see check.lua).
# Prints wrk's summary, the CPU time the server and PostgreSQL used during the measured run, and
# the decision log's counters from /health/ready after the run.
set -euo pipefail
JAR=${1:?usage: throughput.sh <pdp-server.jar> [java] [duration] [shared|pinned]}
JAVA=${2:-java}
DURATION=${3:-20s}
MODE=${4:-shared}
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-8790}
# shellcheck source=../lib/arbiter.sh
. "$HERE/../lib/arbiter.sh"

trap stop_arbiter EXIT
start_arbiter "$JAR" "$JAVA" "$PORT"

POSTMASTER=$(sed -n 1p "$DATA/postgres/postmaster.pid")
WRK=(wrk)
if [ "$MODE" = pinned ]; then
  for pid in $POSTMASTER $(pgrep -P "$POSTMASTER"); do taskset -a -c -p 1 "$pid" >/dev/null; done
  taskset -a -c -p 0 "$SERVER" >/dev/null
  WRK=(taskset -c 0 wrk)
fi

CHECK_TOKEN=$(payments_check_token "$PORT")
export CHECK_TOKEN

"${WRK[@]}" -t1 -c16 -d10s -s "$HERE/check.lua" "http://localhost:$PORT" >/dev/null
# CPU clock ticks (user + system, own and of exited children) of processes, from /proc: the
# postmaster's count of its exited children keeps the work of short-lived backends.
cpu_ticks() {
  local ticks=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
  done
  echo "$ticks"
}
server_before=$(cpu_ticks "$SERVER")
database_before=$(cpu_ticks "$POSTMASTER" $(pgrep -P "$POSTMASTER"))
"${WRK[@]}" -t1 -c16 -d"$DURATION" -s "$HERE/check.lua" "http://localhost:$PORT"
server_after=$(cpu_ticks "$SERVER")
database_after=$(cpu_ticks "$POSTMASTER" $(pgrep -P "$POSTMASTER"))
TICKS=$(getconf CLK_TCK)
echo "cpu seconds: server $(echo "scale=2; ($server_after - $server_before) / $TICKS" | bc)," \
  "postgres $(echo "scale=2; ($database_after - $database_before) / $TICKS" | bc)"
sleep 3
echo "health: $(curl -s "localhost:$PORT/health/ready")"
