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
# Prints wrk's summary, the CPU time the server, its decision log's threads and PostgreSQL used
# during the measured run (and per record written), and the decision log's counters after it.
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
# CPU clock ticks (user + system) of the server's threads whose name starts with "arbiter-audit":
# the decision log's ingest and writer threads, whose work is the server's cost of recording.
log_ticks() {
  local ticks=0 task
  for task in /proc/"$SERVER"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      arbiter-audit*) ticks=$((ticks + $(awk '{print $14 + $15}' "$task/stat"))) ;;
    esac
  done
  echo "$ticks"
}
written() { curl -s "localhost:$PORT/health/ready" | sed -E 's/.*"written":([0-9]+).*/\1/'; }
server_before=$(cpu_ticks "$SERVER")
log_before=$(log_ticks)
database_before=$(cpu_ticks "$POSTMASTER" $(pgrep -P "$POSTMASTER"))
written_before=$(written)
"${WRK[@]}" -t1 -c16 -d"$DURATION" -s "$HERE/check.lua" "http://localhost:$PORT"
# The records of the run are written within a flush interval or two; their CPU belongs to the run.
sleep 3
server_after=$(cpu_ticks "$SERVER")
log_after=$(log_ticks)
database_after=$(cpu_ticks "$POSTMASTER" $(pgrep -P "$POSTMASTER"))
records=$(( $(written) - written_before ))
TICKS=$(getconf CLK_TCK)
seconds() { echo "scale=2; $1 / $TICKS" | bc; }
micros_per_record() { echo "scale=1; $1 * 1000000 / $TICKS / $records" | bc; }
echo "cpu seconds: server $(seconds $((server_after - server_before))) (decision log threads" \
  "$(seconds $((log_after - log_before)))), postgres $(seconds $((database_after - database_before)))"
echo "per record written ($records): decision log threads $(micros_per_record $((log_after - log_before))) µs," \
  "postgres $(micros_per_record $((database_after - database_before))) µs," \
  "whole server $(micros_per_record $((server_after - server_before))) µs"
echo "health: $(curl -s "localhost:$PORT/health/ready")"
