#!/usr/bin/env bash
# Side-by-side race on this machine, in one run: Arbiter, the Cerbos PDP and a bare Vert.x server
# that answers a constant decision (the ceiling of an HTTP decision here), all on 127.0.0.1,
# driven by the same wrk settings with equivalent requests. Prints one table of throughput, p50,
# p99 and the ratios to the ceiling and to Cerbos. Arbiter runs with its decision log on, as it
# always does; each of its runs lasts until the log has written every record. See docs/benchmarks.md.
#
# Usage: load-tests/peer/race.sh [--no-build]
# Settings (environment): JAVA (default: Temurin 25 if installed, else java), ARBITER_JAVA_OPTS,
# DURATION (s per measurement, 10), WARMUP (s per server before measuring, 10), ROUNDS (3),
# CONNECTIONS ("16 1"), ARBITER_NIO=1 also races Arbiter on the JDK's NIO transport,
# BASELINE_JAR=<pdp-server.jar> also races that build of Arbiter (a before/after in one run),
# AUTHZEN=1 also races the same check as an AuthZEN 1.0 evaluation on the first Arbiter,
# RACE_OUT (directory kept with the raw wrk outputs; default: a temporary one, removed).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CERBOS_VERSION=0.55.0
CACHE=${ARBITER_PEER_CACHE:-$HOME/.cache/arbiter-peer}
JAVA=${JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java)}
ARBITER_JAVA_OPTS=${ARBITER_JAVA_OPTS:--Xms512m -Xmx512m}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16 1}
ARBITER_PORT=18700
ARBITER_NIO_PORT=18701
CEILING_PORT=18702
BASELINE_PORT=18703
CERBOS_PORT=13592
CERBOS_GRPC_PORT=13593
ADMIN_TOKEN=race-admin-token-0123456789abcdef

for tool in wrk curl npm "$JAVA"; do
  command -v "$tool" >/dev/null || { echo "race: $tool is needed (apt-get install wrk curl npm)" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/arbiter-race.XXXXXX")
OUT=${RACE_OUT:-$WORK/out}
mkdir -p "$OUT"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "race: $*" >&2; }

# --- build and install ------------------------------------------------------------------------
if [ "${1:-}" != "--no-build" ]; then
  log "building Arbiter and the load tests"
  (cd "$ROOT" && ./mvnw -B -q -pl load-tests -am package -DskipTests)
fi
CERBOS=$CACHE/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64
if [ ! -x "$CERBOS" ] || ! "$CERBOS" --version 2>/dev/null | grep -qx "$CERBOS_VERSION"; then
  log "installing Cerbos $CERBOS_VERSION into $CACHE"
  mkdir -p "$CACHE"
  npm install --no-save --no-audit --no-fund --prefix "$CACHE" "@cerbos/cerbos-linux-x64@$CERBOS_VERSION" >&2
fi

for port in $ARBITER_PORT $ARBITER_NIO_PORT $CEILING_PORT $BASELINE_PORT $CERBOS_PORT $CERBOS_GRPC_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "race: port $port is taken; stop whatever listens there" >&2
    exit 2
  fi
done

wait_for() { # url seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "race: $1 did not answer within $2 s" >&2
  exit 1
}

# --- Cerbos: DESIGN.md's example policy, written as a Cerbos resource policy ----------------
mkdir -p "$WORK/cerbos/policies"
cat > "$WORK/cerbos/policies/charge.yaml" <<'EOF'
# DESIGN.md's payments-api policy. Cerbos keys policies by resource kind and matches principals by
# role, so the principal id is tested in the condition.
apiVersion: api.cerbos.dev/v1
resourcePolicy:
  version: default
  resource: charge
  rules:
    - name: checkout-can-charge
      actions: ["charges:create", "charges:read"]
      effect: EFFECT_ALLOW
      roles: ["*"]
      condition:
        match:
          expr: >-
            request.principal.id == "spiffe://acme.prod/ns/shop/sa/checkout"
            && request.resource.attr.amount <= 10000
            && request.principal.attr.env == request.resource.attr.env
    - name: no-cross-env-refunds
      actions: ["refunds:*"]
      effect: EFFECT_DENY
      roles: ["*"]
      condition:
        match:
          expr: request.principal.attr.env != request.resource.attr.env
EOF
cat > "$WORK/cerbos/config.yaml" <<EOF
server:
  httpListenAddr: "127.0.0.1:$CERBOS_PORT"
  grpcListenAddr: "127.0.0.1:$CERBOS_GRPC_PORT"
  requestLimits:
    maxResourcesPerRequest: 100
storage:
  driver: disk
  disk:
    directory: $WORK/cerbos/policies
    watchForChanges: false
audit:
  enabled: false
telemetry:
  disabled: true
EOF
log "starting Cerbos $CERBOS_VERSION"
CERBOS_NO_TELEMETRY=1 "$CERBOS" server --config="$WORK/cerbos/config.yaml" --log-level=error \
  > "$OUT/cerbos.log" 2>&1 &
PIDS+=($!)

# --- Arbiter (native transport; optionally on NIO, and a baseline build) and the ceiling ------
# name port jar extra-jvm-options, one line per Arbiter raced
ARBITERS=("arbiter $ARBITER_PORT $ROOT/pdp-server/target/pdp-server.jar")
[ "${ARBITER_NIO:-0}" = 1 ] && ARBITERS+=("arbiter-nio $ARBITER_NIO_PORT $ROOT/pdp-server/target/pdp-server.jar -Dio.netty.transport.noNative=true")
[ -n "${BASELINE_JAR:-}" ] && ARBITERS+=("arbiter-baseline $BASELINE_PORT $(cd "$(dirname "$BASELINE_JAR")" && pwd)/$(basename "$BASELINE_JAR")")
for arbiter in "${ARBITERS[@]}"; do
  read -r name port jar extra <<< "$arbiter"
  log "starting $name ($JAVA $ARBITER_JAVA_OPTS ${extra:-} -jar $jar)"
  # shellcheck disable=SC2086
  # No load balancer to drain from: stop at once when the race ends.
  ARBITER_HTTP_PORT=$port ARBITER_DATA_DIR="$WORK/$name" ARBITER_ADMIN_TOKEN=$ADMIN_TOKEN ARBITER_SHUTDOWN_DRAIN=0s \
    "$JAVA" $ARBITER_JAVA_OPTS ${extra:-} -jar "$jar" > "$OUT/$name.log" 2>&1 &
  PIDS+=($!)
done
log "starting the ceiling server"
# shellcheck disable=SC2086
"$JAVA" $ARBITER_JAVA_OPTS -cp "$ROOT/load-tests/target/benchmarks.jar" dev.arbiter.loadtests.peer.CeilingServer \
  $CEILING_PORT > "$OUT/ceiling.log" 2>&1 &
PIDS+=($!)

wait_for "http://127.0.0.1:$CERBOS_PORT/_cerbos/health" 60
wait_for "http://127.0.0.1:$CEILING_PORT/" 60

POLICY='{"service": "payments", "description": "Who may call the payments service", "rules": [
  {"name": "checkout-can-charge", "effect": "allow", "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"],
   "actions": ["charges:create", "charges:read"], "kinds": ["charge"],
   "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"},
  {"name": "no-cross-env-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"],
   "condition": "principal.attr.env != resource.attr.env"}]}'
arbiter_check_token() { # port
  curl -sf -X PUT "http://127.0.0.1:$1/v1/policies/payments-api" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d "$POLICY" > /dev/null
  curl -sf -X POST "http://127.0.0.1:$1/v1/keys" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d '{"name": "race", "roles": ["check"]}' \
    | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# --- the requests: DESIGN.md's example check, as each server asks it -------------------------
ARBITER_CHECK='{"principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "roles": ["service"], "attr": {"env": "prod"}}, "action": "charges:create", "resource": {"service": "payments", "kind": "charge", "id": "ch_1", "attr": {"amount": 5000, "env": "prod"}}, "context": {"sourceIp": "10.1.2.3"}}'
AUTHZEN_EVALUATION='{"subject": {"type": "workload", "id": "spiffe://acme.prod/ns/shop/sa/checkout", "properties": {"roles": ["service"], "env": "prod"}}, "action": {"name": "charges:create"}, "resource": {"type": "charge", "id": "ch_1", "properties": {"amount": 5000, "env": "prod"}}, "context": {"sourceIp": "10.1.2.3"}}'
CERBOS_RESOURCE='{"actions": ["charges:create"], "resource": {"kind": "charge", "id": "ch_1", "attr": {"amount": 5000, "env": "prod"}}}'
CERBOS_PRINCIPAL='"principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "roles": ["service"], "attr": {"env": "prod"}}'
CERBOS_CHECK="{\"requestId\": \"race\", $CERBOS_PRINCIPAL, \"resources\": [$CERBOS_RESOURCE]}"
hundred() { # json: the json 100 times, comma-separated
  local out=$1
  for _ in $(seq 2 100); do out="$out, $1"; done
  echo "$out"
}
ARBITER_BATCH="{\"checks\": [$(hundred "$ARBITER_CHECK")]}"
CERBOS_BATCH="{\"requestId\": \"race\", $CERBOS_PRINCIPAL, \"resources\": [$(hundred "$CERBOS_RESOURCE")]}"

script() { # file token body
  {
    echo 'wrk.method = "POST"'
    echo 'wrk.headers["Content-Type"] = "application/json"'
    [ -n "$2" ] && echo "wrk.headers[\"Authorization\"] = \"Bearer $2\""
    echo "wrk.body = [[$3]]"
  } > "$1"
}
script "$WORK/ceiling.lua" "" "$ARBITER_CHECK"
script "$WORK/cerbos.lua" "" "$CERBOS_CHECK"
script "$WORK/cerbos-batch.lua" "" "$CERBOS_BATCH"

answer_of() { # url token body
  curl -sf -X POST "$1" -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3"
}
# name url script: every target answers the example with "allow" before any load
TARGETS=("ceiling http://127.0.0.1:$CEILING_PORT/v1/check ceiling.lua")
BATCH_TARGETS=()
for arbiter in "${ARBITERS[@]}"; do
  read -r name port _ <<< "$arbiter"
  wait_for "http://127.0.0.1:$port/health/ready" 120
  token=$(arbiter_check_token "$port")
  script "$WORK/$name.lua" "$token" "$ARBITER_CHECK"
  TARGETS+=("$name http://127.0.0.1:$port/v1/check $name.lua")
  answer_of "http://127.0.0.1:$port/v1/check" "$token" "$ARBITER_CHECK" | grep -q '"allow":true' \
    || { echo "race: $name does not allow the example check" >&2; exit 1; }
  if [ "$name" = arbiter ] && [ "${AUTHZEN:-0}" = 1 ]; then
    script "$WORK/arbiter-authzen.lua" "$token" "$AUTHZEN_EVALUATION"
    TARGETS+=("arbiter-authzen http://127.0.0.1:$port/authzen/payments/access/v1/evaluation arbiter-authzen.lua")
    answer_of "http://127.0.0.1:$port/authzen/payments/access/v1/evaluation" "$token" "$AUTHZEN_EVALUATION" \
      | grep -q '^{"decision":true}$' || { echo "race: Arbiter does not allow the AuthZEN evaluation" >&2; exit 1; }
  fi
  if [ "$name" = arbiter ]; then
    script "$WORK/arbiter-batch.lua" "$token" "$ARBITER_BATCH"
    BATCH_TARGETS+=("arbiter-batch100 http://127.0.0.1:$port/v1/check/batch arbiter-batch.lua")
    [ "$(answer_of "http://127.0.0.1:$port/v1/check/batch" "$token" "$ARBITER_BATCH" | grep -o '"allow":true' | wc -l)" = 100 ] \
      || { echo "race: Arbiter does not allow the 100 checks of the batch" >&2; exit 1; }
  fi
done
TARGETS+=("cerbos http://127.0.0.1:$CERBOS_PORT/api/check/resources cerbos.lua")
BATCH_TARGETS+=("cerbos-batch100 http://127.0.0.1:$CERBOS_PORT/api/check/resources cerbos-batch.lua")
answer_of "http://127.0.0.1:$CERBOS_PORT/api/check/resources" "" "$CERBOS_CHECK" | grep -q '"charges:create":"EFFECT_ALLOW"' \
  || { echo "race: Cerbos does not allow the example check" >&2; exit 1; }
[ "$(answer_of "http://127.0.0.1:$CERBOS_PORT/api/check/resources" "" "$CERBOS_BATCH" | grep -o 'EFFECT_ALLOW' | wc -l)" = 100 ] \
  || { echo "race: Cerbos does not allow the 100 checks of the batch" >&2; exit 1; }

# --- load ------------------------------------------------------------------------------------
run_wrk() { # name url script connections seconds outfile
  wrk -t1 -c"$4" -d"$5"s --latency -s "$WORK/$3" "$2" > "$6" 2>&1
}
# Prints: rps p50_us p99_us failed (failed = non-2xx answers plus socket errors).
parse_wrk() {
  awk '
    function us(v) { if (v ~ /us$/) return v + 0; if (v ~ /ms$/) return v * 1000; if (v ~ /s$/) return v * 1000000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = us($2) }
    $1 == "99%" { p99 = us($2) }
    /Non-2xx or 3xx responses:/ { failed += $NF }
    /Socket errors:/ { gsub(",", ""); failed += $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %d\n", rps, p50, p99, failed }' "$1"
}

# Arbiter records every decision; what its log has not written when wrk stops (queued records, a
# spill to replay) is still Arbiter's work. Each Arbiter run is therefore timed until its log has
# caught up, and no other measurement starts before: the catch-up neither escapes Arbiter's figures
# nor slows the next server's.
settle() { # name url: for an Arbiter, waits until its decision log holds nothing unwritten; prints the seconds waited
  case "$1" in arbiter*) ;; *) echo 0; return ;; esac
  local health="${2%%/v1/*}/health/ready" start audit
  start=$(date +%s.%N)
  for _ in $(seq 1 1200); do
    audit=$(curl -s "$health")
    echo "$audit" | grep -q '"audit"' || break # a build without a decision log
    if echo "$audit" | grep -q '"queued":0[,}]' && echo "$audit" | grep -q '"spillPending":0[,}]'; then
      break
    fi
    sleep 0.1
  done
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}
# One measurement: name conns req/s p50_us p99_us failed catch-up_s, where req/s counts the
# requests wrk got answered over the run plus the catch-up of Arbiter's decision log.
measure() { # name url script connections outfile
  local catchup
  run_wrk "$1" "$2" "$3" "$4" "$DURATION" "$5"
  catchup=$(settle "$1" "$2")
  parse_wrk "$5" | awk -v n="$1" -v c="$4" -v d="$DURATION" -v s="$catchup" \
    '{ printf "%s %s %.2f %s %s %s %s\n", n, c, $1 * d / (d + s), $2, $3, $4, s }'
}

log "warming up every server for ${WARMUP} s"
for target in "${TARGETS[@]}" "${BATCH_TARGETS[@]}"; do
  read -r name url lua <<< "$target"
  run_wrk "$name" "$url" "$lua" 16 "$WARMUP" "$OUT/warmup-$name.txt"
  settle "$name" "$url" > /dev/null
done

RESULTS=$OUT/results.txt
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for conns in $CONNECTIONS; do
    for target in "${TARGETS[@]}"; do
      read -r name url lua <<< "$target"
      log "round $round: $name, $conns connection(s), ${DURATION} s"
      file="$OUT/$name-c$conns-r$round.txt"
      measure "$name" "$url" "$lua" "$conns" "$file" >> "$RESULTS"
    done
  done
  for target in "${BATCH_TARGETS[@]}"; do
    read -r name url lua <<< "$target"
    log "round $round: $name, 16 connections, ${DURATION} s"
    file="$OUT/$name-c16-r$round.txt"
    measure "$name" "$url" "$lua" 16 "$file" >> "$RESULTS"
  done
done

# --- the table: medians over the rounds ------------------------------------------------------
median() { # name conns column
  awk -v n="$1" -v c="$2" -v k="$3" '$1 == n && $2 == c { print $k }' "$RESULTS" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}
failures() { awk -v n="$1" -v c="$2" '$1 == n && $2 == c { s += $6 } END { print s + 0 }' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "Side-by-side race, $(date -u +%F), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
echo "$("$JAVA" -version 2>&1 | sed -n 2p) with $ARBITER_JAVA_OPTS, Cerbos $CERBOS_VERSION, $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
echo "wrk -t1 -c<connections> -d${DURATION}s --latency, medians of $ROUNDS rounds; latencies in µs."
echo
printf '| %-16s | %5s | %9s | %8s | %8s | %6s | %14s | %13s | %13s | %14s |\n' \
  server conns 'req/s' p50 p99 failed 'req/s/ceiling' 'req/s/Cerbos' 'p50/ceiling' 'p99/Cerbos'
printf '|%s|\n' '------------------|-------|-----------|----------|----------|--------|----------------|---------------|---------------|----------------'
for conns in $CONNECTIONS; do
  ceiling_rps=$(median ceiling "$conns" 3)
  ceiling_p50=$(median ceiling "$conns" 4)
  cerbos_rps=$(median cerbos "$conns" 3)
  cerbos_p99=$(median cerbos "$conns" 5)
  for target in "${TARGETS[@]}"; do
    read -r name _ <<< "$target"
    rps=$(median "$name" "$conns" 3)
    p50=$(median "$name" "$conns" 4)
    p99=$(median "$name" "$conns" 5)
    printf '| %-16s | %5s | %9.0f | %8.0f | %8.0f | %6s | %14s | %13s | %13s | %14s |\n' "$name" "$conns" \
      "$rps" "$p50" "$p99" "$(failures "$name" "$conns")" "$(ratio "$rps" "$ceiling_rps")" \
      "$(ratio "$rps" "$cerbos_rps")" "$(ratio "$p50" "$ceiling_p50")" "$(ratio "$p99" "$cerbos_p99")"
  done
done
echo
echo "Batches of 100 checks, 16 connections (cost of a batch / cost of one check = single req/s / batch req/s):"
echo
printf '| %-16s | %9s | %10s | %8s | %8s | %6s | %22s |\n' server 'req/s' 'checks/s' p50 p99 failed 'batch cost / one check'
printf '|%s|\n' '------------------|-----------|------------|----------|----------|--------|------------------------'
for pair in "arbiter-batch100 arbiter" "cerbos-batch100 cerbos"; do
  read -r name single <<< "$pair"
  rps=$(median "$name" 16 3)
  printf '| %-16s | %9.0f | %10.0f | %8.0f | %8.0f | %6s | %22s |\n' "$name" "$rps" \
    "$(awk -v r="$rps" 'BEGIN { print r * 100 }')" "$(median "$name" 16 4)" "$(median "$name" 16 5)" \
    "$(failures "$name" 16)" "$(ratio "$(median "$single" 16 3)" "$rps")"
done
echo
echo "Arbiter's req/s count the time its decision log needed after each run to write every record"
echo "(longest catch-up: $(awk '$1 ~ /^arbiter/ && $7 > m { m = $7 } END { print m + 0 }' "$RESULTS") s); no other run started before it had."
echo
echo "Raw wrk outputs: $OUT$([ -z "${RACE_OUT:-}" ] && echo ' (removed at exit; set RACE_OUT to keep them)')"
