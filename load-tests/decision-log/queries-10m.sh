#!/usr/bin/env bash
# Times the decision-log queries over a filled database through the API (curl) and shows
# PostgreSQL's plan and execution time for each (EXPLAIN ANALYZE of the query the API runs).
# Usage: queries-10m.sh <jdbc-less postgres URL for psql> <auditor token> [port]
set -euo pipefail
PGURL=${1:?usage: queries-10m.sh <postgres URL> <auditor token> [port]}
TOKEN=${2:?auditor token}
PORT=${3:-8700}
API="http://localhost:$PORT"
TODAY=$(date -u +%F)
DAY2=$(date -u -d "-2 days" +%F)
DAY3=$(date -u -d "-3 days" +%F)

time_api() {
  # Best of 5 (the first run warms caches), as milliseconds, plus the number of records answered.
  local best=999999 ms count
  for _ in 1 2 3 4 5; do
    ms=$(curl -s -o /tmp/queries-10m.json -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$API$1" \
      | awk '{printf "%.1f", $1 * 1000}')
    best=$(awk -v a="$best" -v b="$ms" 'BEGIN {print (b < a) ? b : a}')
  done
  count=$({ grep -o '"decisionId"' /tmp/queries-10m.json || true; } | wc -l)
  printf '%-80s %8s ms %5s records\n' "$1" "$best" "$count"
}

# The values exist in fill-10m.sql's data: service svc-7 only sees action svc-7:act-9, policy pol-42 only rule-4.
for query in \
  "/v1/decisions" \
  "/v1/decisions?principal=spiffe://acme.prod/ns/shop/sa/svc-4242" \
  "/v1/decisions?service=svc-7" \
  "/v1/decisions?service=svc-7&action=svc-7:act-9" \
  "/v1/decisions?resource=res-123457" \
  "/v1/decisions?policy=pol-42" \
  "/v1/decisions?policy=pol-42&rule=rule-4" \
  "/v1/decisions?caller=caller-7" \
  "/v1/decisions?allow=false" \
  "/v1/decisions?principal=spiffe://acme.prod/ns/shop/sa/svc-4242&allow=false" \
  "/v1/decisions?minLatencyMicros=5000" \
  "/v1/decisions?action=svc-7:act-9" \
  "/v1/decisions?rule=rule-2" \
  "/v1/decisions?from=${DAY3}T10:00:00Z&to=${DAY3}T11:00:00Z" \
  "/v1/decisions?service=svc-7&from=${DAY3}&to=${DAY2}" \
  "/v1/decisions?principal=nobody" \
  "/v1/decisions?limit=1000" \
  ; do
  time_api "$query"
done

CURSOR=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/v1/decisions?service=svc-7&limit=1000" \
  | sed -E 's/.*"nextCursor":"([^"]+)".*/\1/')
time_api "/v1/decisions?service=svc-7&limit=100&cursor=$CURSOR"
ID=$(psql "$PGURL" -Atc "SELECT decision_id FROM decisions WHERE decided_at < '$DAY3' ORDER BY decided_at DESC LIMIT 1")
time_api "/v1/decisions/$ID"
time_api "/v1/decisions/stats?groupBy=service&bucket=hour&from=${DAY3}T00:00:00Z&to=${DAY3}T06:00:00Z"
time_api "/v1/decisions/stats?groupBy=rule&bucket=hour&from=${DAY3}&to=${DAY2}"

echo
echo "EXPLAIN ANALYZE of the unfiltered page queries (filtered ones walk their batches in several statements):"
COLUMNS="decision_id, decided_at, principal_id, principal_roles, action, resource_service, resource_kind, resource_id, allow, policy_id, rule_name, revision, reason, caller, latency_micros, input, shadow, batch_id"
for where in \
  "" \
  "WHERE latency_micros >= 5000" \
  ; do
  printf '%-70s ' "${where:-(no filter)}"
  psql "$PGURL" -Atc "EXPLAIN (ANALYZE, FORMAT TEXT) SELECT $COLUMNS FROM decisions $where ORDER BY decided_at DESC, decision_id DESC LIMIT 101" \
    | grep -E 'Execution Time'
done
