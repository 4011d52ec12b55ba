# Shell functions the load scripts share; source it. Needs curl.
#
# start_arbiter <jar> <java> <port> [jvm options...]: starts the server on the embedded PostgreSQL
#   in a fresh data directory and waits until it is ready. Sets SERVER (its pid), DATA (the data
#   directory, with server.log) and ADMIN (the admin token); stop it with stop_arbiter.
# stop_arbiter: stops that server and removes its data directory.
# payments_check_token <port>: writes DESIGN.md's payments policy and prints the token of a new
#   key with role check.

ADMIN=bench-admin-token-0123456789

start_arbiter() {
  local jar=$1 java=$2 port=$3
  shift 3
  DATA=$(mktemp -d /tmp/arbiter-bench-XXXXXX)
  # No load balancer to drain from: stop at once.
  ARBITER_DATA_DIR=$DATA ARBITER_HTTP_PORT=$port ARBITER_ADMIN_TOKEN=$ADMIN ARBITER_SHUTDOWN_DRAIN=0s \
    "$java" "$@" -jar "$jar" >"$DATA/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    curl -sf "localhost:$port/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "the server did not become ready; see $DATA/server.log" >&2
  return 1
}

stop_arbiter() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}

payments_check_token() {
  local port=$1
  curl -sf -X PUT "localhost:$port/v1/policies/payments-api" -H "Authorization: Bearer $ADMIN" -d '{
    "service": "payments",
    "rules": [
      {"name": "checkout-can-charge", "effect": "allow",
       "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"],
       "actions": ["charges:create", "charges:read"], "kinds": ["charge"],
       "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"},
      {"name": "no-cross-env-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"],
       "condition": "principal.attr.env != resource.attr.env"}]}' >/dev/null
  curl -sf -X POST "localhost:$port/v1/keys" -H "Authorization: Bearer $ADMIN" \
    -d '{"name": "bench", "roles": ["check"]}' | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
