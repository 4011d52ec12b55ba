#!/usr/bin/env bash
# Decision throughput of one server jar under wrk, on the embedded PostgreSQL in a fresh data
# directory. Usage: throughput.sh <pdp-server.jar> [java] [wrk duration]
# Prints wrk's summary and the decision log's counters from /health/ready after the run.
set -euo pipefail
JAR=${1:?usage: throughput.sh <pdp-server.jar> [java] [duration]}
JAVA=${2:-java}
DURATION=${3:-20s}
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

# Warm-up (JIT), then the measured run.
wrk -t1 -c16 -d10s -s "$HERE/check.lua" "http://localhost:$PORT" >/dev/null
wrk -t1 -c16 -d"$DURATION" -s "$HERE/check.lua" "http://localhost:$PORT"
sleep 2
echo "health: $(curl -s "localhost:$PORT/health/ready")"
