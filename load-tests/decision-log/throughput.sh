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
DATA=$(mktemp -d /tmp/arbiter-bench-XXXXXX)
ADMIN=bench-admin-token-0123456789

ARBITER_DATA_DIR=$DATA ARBITER_HTTP_PORT=$PORT ARBITER_ADMIN_TOKEN=$ADMIN \
  "$JAVA" -jar "$JAR" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/health/ready" >/dev/null && break
  sleep 0.5
done

POSTMASTER=$(sed -n 1p "$DATA/postgres/postmaster.pid")
WRK=(wrk)
if [ "$MODE" = pinned ]; then
  for pid in $POSTMASTER $(pgrep -P "$POSTMASTER"); do taskset -a -c -p 1 "$pid" >/dev/null; done
  taskset -a -c -p 0 "$SERVER" >/dev/null
  WRK=(taskset -c 0 wrk)
fi

curl -sf -X PUT "localhost:$PORT/v1/policies/payments-api" -H "Authorization: Bearer $ADMIN" -d '{
  "service": "payments",
  "rules": [
    {"name": "checkout-can-charge", "effect": "allow",
     "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"],
     "actions": ["charges:create", "charges:read"], "kinds": ["charge"],
     "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"},
    {"name": "no-cross-env-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"],
     "condition": "principal.attr.env != resource.attr.env"}]}' >/dev/null
CHECK_TOKEN=$(curl -sf -X POST "localhost:$PORT/v1/keys" -H "Authorization: Bearer $ADMIN" \
  -d '{"name": "bench", "roles": ["check"]}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
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
