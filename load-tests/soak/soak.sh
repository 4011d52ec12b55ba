#!/usr/bin/env bash
# Soak: one server under a steady load for many minutes, answering whether it errs or its heap
# grows. Each minute wrk offers paced checks (load-tests/decision-log/check.lua), then the heap is
# measured after a full GC (jcmd GC.run, GC.heap_info). Ends non-zero if any answer was not 200,
# any socket failed, or the decision log lost a record.
#
#   soak.sh <pdp-server.jar> [java] [minutes] [connections] [pace ms]
#
# Defaults: the java on the PATH, 10 minutes, 40 connections each sending one check every 1 ms
# (about 16,000 checks/s on a 2-core machine, half of what one server sustains there with its
# decision log). Needs wrk, curl and the JDK's jcmd next to <java>.
set -euo pipefail
JAR=${1:?usage: soak.sh <pdp-server.jar> [java] [minutes] [connections] [pace ms]}
JAVA=${2:-java}
MINUTES=${3:-10}
CONNECTIONS=${4:-40}
export PACE_MS=${5:-1}
JCMD=$(dirname "$(command -v "$JAVA")")/jcmd
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-8791}
# shellcheck source=../lib/arbiter.sh
. "$HERE/../lib/arbiter.sh"

trap stop_arbiter EXIT
start_arbiter "$JAR" "$JAVA" "$PORT" -Xms512m -Xmx512m
CHECK_TOKEN=$(payments_check_token "$PORT")
export CHECK_TOKEN

heap_after_gc_mib() {
  "$JCMD" "$SERVER" GC.run >/dev/null
  "$JCMD" "$SERVER" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{ printf "%.1f", $2 / 1024 }'
}

echo "minute  checks/s  p50     p99     non-200  socket-errors  heap after GC (MiB)"
echo "0       -         -       -       -        -              $(heap_after_gc_mib)"
failures=0
for minute in $(seq 1 "$MINUTES"); do
  out=$(wrk -t1 -c"$CONNECTIONS" -d60s --latency -s "$HERE/../decision-log/check.lua" "http://localhost:$PORT")
  rps=$(echo "$out" | awk '/Requests\/sec:/ { printf "%.0f", $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  non200=$(echo "$out" | awk '/non-200 answers:/ { print $3 }')
  sockets=$(echo "$out" | awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')
  sockets=${sockets:-0}
  failures=$((failures + non200 + sockets))
  printf '%-7s %-9s %-7s %-7s %-8s %-14s %s\n' "$minute" "$rps" "$p50" "$p99" "$non200" "$sockets" "$(heap_after_gc_mib)"
done
audit=$(curl -s "localhost:$PORT/health/ready")
echo "health: $audit"
lost=$(echo "$audit" | grep -o '"lost":[0-9]*' | cut -d: -f2)
if [ "$failures" -ne 0 ] || [ "${lost:-1}" -ne 0 ]; then
  echo "soak FAILED: $failures failed requests, ${lost:-unknown} lost records" >&2
  exit 1
fi
echo "soak passed: no failed request, no lost record"
