#!/usr/bin/env bash
# Runs the image without a container engine and fails unless it keeps its promises: it runs as
# uid 65532, its root filesystem is read-only, it answers health and decisions, it stops cleanly on
# SIGTERM, and a second start on the same /data keeps the policies.
# The image is unpacked with umoci and run by runc (read-only root, a host folder on /data); where
# runc cannot run, by unshare + chroot + setpriv with the same rootfs, user, env and entry point.
# The server listens on 0.0.0.0:8700 as the image says, but inside a network namespace of its own:
# nothing is exposed on the host; requests enter that namespace with nsenter.
# Usage (root): verify.sh [image tar]   ARBITER_VERIFY_RUNTIME=chroot forces the fallback.
set -euo pipefail

module=$(cd "$(dirname "$0")/../.." && pwd)
image=${1:-$module/target/arbiter-image.tar}
runtime=${ARBITER_VERIFY_RUNTIME:-runc}
[[ $(id -u) == 0 ]] || { echo "verify.sh: needs root (namespaces, mounts)" >&2; exit 1; }
missing=$(for tool in umoci jq curl; do command -v $tool >/dev/null || echo $tool; done)
[[ -z $missing ]] || { apt-get update -qq && apt-get install -y -qq $missing >/dev/null; }
if [[ $runtime == runc ]] && ! command -v runc >/dev/null; then
  apt-get install -y -qq runc >/dev/null || runtime=chroot
fi

work=$(mktemp -d /tmp/arbiter-verify.XXXXXX)
name=arbiter-verify-$$
runner=
pid=
cleanup() {
  set +e  # clean up as much as can be, whatever failed
  [[ $runtime == runc ]] && runc delete -f "$name" >/dev/null 2>&1
  # Under unshare the server is PID 1 of its namespace: its end ends PostgreSQL too.
  [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null
  [[ -n $runner ]] && kill -KILL "$runner" 2>/dev/null && wait "$runner" 2>/dev/null
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [[ -f $work/server.log ]] && tail -30 "$work/server.log" >&2; exit 1; }
pass() { echo "ok   $*"; }

mkdir "$work/oci" "$work/data"
tar -C "$work/oci" -xf "$image"
ref=$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' "$work/oci/index.json")
version=${ref##*:}
umoci unpack --image "$work/oci:$ref" "$work/bundle" >/dev/null
bundle=$work/bundle
# The image's /data volume: an empty host folder owned by the image's user, as a fresh volume would be.
uid=$(jq -r .process.user.uid "$bundle/config.json")
gid=$(jq -r .process.user.gid "$bundle/config.json")
chown "$uid:$gid" "$work/data"
# No capability at all, as docs/deployment.md's manifest runs it (capabilities: drop: [ALL]).
jq --arg data "$work/data" '.root.readonly = true | .process.terminal = false
  | .process.capabilities = {bounding: [], effective: [], inheritable: [], permitted: [], ambient: []}
  | .mounts |= map(select(.destination != "/data"))
     + [{destination: "/data", type: "bind", source: $data, options: ["rbind", "rw", "nosuid", "nodev"]}]' \
  "$bundle/config.json" >"$work/config.json" && mv "$work/config.json" "$bundle/config.json"
mapfile -t env < <(jq -r '.process.env[]' "$bundle/config.json")
mapfile -t args < <(jq -r '.process.args[]' "$bundle/config.json")
as_user=(setpriv --reuid="$uid" --regid="$gid" --clear-groups)
echo "image $ref: user $uid:$gid, entry point $(jq -c .process.args "$bundle/config.json")"

# Starts the server; sets pid to the server's process as the host sees it.
start() {
  : >"$work/server.log"
  if [[ $runtime == runc ]]; then
    runc run --bundle "$bundle" "$name" >"$work/server.log" 2>&1 &
    runner=$!
    for _ in $(seq 50); do
      pid=$(runc state "$name" 2>/dev/null | jq -r 'select(.status == "running") | .pid') && [[ -n $pid ]] && break
      kill -0 "$runner" 2>/dev/null || break
      sleep 0.2
    done
  else
    # A private mount, PID and network namespace; the rootfs bound read-only, /data read-write.
    unshare --mount --pid --net --fork --propagation private bash -c '
      set -e; r=$1; data=$2; shift 2
      ip link set lo up
      mount --bind "$r" "$r" && mount -o remount,bind,ro "$r"
      mount --bind "$data" "$r/data"
      mount -t proc proc "$r/proc"
      mount -t tmpfs -o mode=755,nosuid tmpfs "$r/dev"
      for d in null zero random urandom tty; do touch "$r/dev/$d"; mount --bind "/dev/$d" "$r/dev/$d"; done
      mkdir "$r/dev/shm" && mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$r/dev/shm"
      exec chroot "$r" "$@"' \
      verify "$bundle/rootfs" "$work/data" "${as_user[@]}" /usr/bin/env -i "${env[@]}" "${args[@]}" \
      >"$work/server.log" 2>&1 &
    runner=$!
    # unshare's child, PID 1 of the namespace, becomes the server after its execs.
    for _ in $(seq 50); do
      pid=$(pgrep -P "$runner" | head -1) && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]] && break
      pid=; sleep 0.2
    done
  fi
  if [[ -z ${pid:-} && $runtime == runc ]]; then
    # Some sandboxes give runc no cgroups or namespaces: the fallback checks the same image.
    echo "runc could not run the image ($(tail -1 "$work/server.log")); falling back to unshare + chroot"
    runc delete -f "$name" >/dev/null 2>&1 || true
    wait "$runner" 2>/dev/null || true
    runtime=chroot
    start
    return
  fi
  [[ -n ${pid:-} ]] || fail "the server did not start under $runtime"
}

# The server's own network namespace; curl runs there with the host's binary.
http() { nsenter --target "$pid" --net curl -s -o "$work/body" -w '%{http_code}' --max-time 10 "$@" || true; }

ready() {
  for _ in $(seq 120); do
    [[ $(http http://127.0.0.1:8700/health/ready) == 200 ]] && return 0
    kill -0 "$pid" 2>/dev/null || fail "the server exited while starting"
    sleep 1
  done
  fail "/health/ready did not answer 200 within 120 s"
}

stop() {
  kill -TERM "$pid"
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && fail "the server did not stop within 30 s of SIGTERM"
  wait "$runner" 2>/dev/null || true
  runner=
  [[ $runtime == runc ]] && runc delete -f "$name" >/dev/null 2>&1 || true
}

echo "runtime: $runtime"
start
ready
pass "GET /health/ready: 200 $(cat "$work/body")"
grep -q "\"version\":\"$version\"" "$work/body" || fail "/health/ready does not name version $version"
# The process series come from com.sun.management (jdk.management): proof the runtime has the module.
[[ $(http http://127.0.0.1:8700/metrics) == 200 ]] || fail "GET /metrics did not answer 200"
for series in process_cpu_usage process_files_open_files jvm_memory_used_bytes; do
  grep -q "^$series" "$work/body" || fail "/metrics has no $series"
done
pass "GET /metrics: 200 with process_cpu_usage, process_files_open_files, jvm_memory_used_bytes"

read -r _ ruid euid suid fsuid < <(grep '^Uid:' "/proc/$pid/status")
read -r _ rgid egid _ _ < <(grep '^Gid:' "/proc/$pid/status")
[[ "$ruid $euid $suid $fsuid $rgid $egid" == "65532 65532 65532 65532 65532 65532" ]] \
  || fail "the server runs as uid $ruid/$euid gid $rgid/$egid, not 65532"
read -r _ caps < <(grep '^CapEff:' "/proc/$pid/status")
[[ $caps =~ ^0+$ ]] || fail "the server holds capabilities $caps"
pass "the server ($(cat "/proc/$pid/comm"), pid $pid) runs as uid $euid gid $egid with no capability (CapEff $caps)"

# Even uid 0 in the container's mount namespace cannot write its root: the mount is read-only.
for path in /probe /tmp/probe /opt/java/probe; do
  out=$(nsenter --target "$pid" --mount --pid --root --wd touch "$path" 2>&1) && fail "$path was writable"
  [[ $out == *"Read-only file system"* ]] || fail "writing $path failed, but not as read-only: $out"
done
pass "root filesystem read-only: writing /, /tmp and /opt/java fails with 'Read-only file system', even for uid 0"
nsenter --target "$pid" --mount --pid --root --wd "${as_user[@]}" touch /data/probe \
  || fail "/data is not writable by 65532"
pass "/data writable by 65532; it holds: $(ls "$work/data" | tr '\n' ' ')"

out=$(nsenter --target "$pid" --mount --pid --root --wd "${as_user[@]}" /usr/bin/env -i "${env[@]}" "${args[@]}" --version 2>&1) || true
[[ $out == *"$version"* ]] || fail "--version printed: $out"
pass "--version: $out"

# The policy tool on the repository's example policies: YAML, CEL and the engine on the image's runtime,
# with the heap set the way docs/deployment.md says (JDK_JAVA_OPTIONS).
cp -r "$module/../examples/policies" "$work/data/policies" && chown -R "$uid:$gid" "$work/data/policies"
out=$(nsenter --target "$pid" --mount --pid --root --wd "${as_user[@]}" /usr/bin/env -i "${env[@]}" \
  JDK_JAVA_OPTIONS=-Xmx256m "${args[@]}" test /data/policies 2>&1) || fail "test /data/policies: $out"
[[ $out == *"Picked up JDK_JAVA_OPTIONS: -Xmx256m"* ]] || fail "JDK_JAVA_OPTIONS was not read: $out"
pass "policy tool: test examples/policies: $(grep -o '[0-9]* passed, [0-9]* failed.*' <<<"$out") (JDK_JAVA_OPTIONS read)"

admin=$(cat "$work/data/admin-token")
policy='{"service": "payments", "rules": [{"name": "checkout-can-charge", "effect": "allow",
  "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"], "actions": ["charges:create"],
  "condition": "resource.attr.amount <= 10000"}]}'
check='{"principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout"}, "action": "charges:create",
  "resource": {"service": "payments", "kind": "charge", "attr": {"amount": 5000}}}'
code=$(http -X PUT http://127.0.0.1:8700/v1/policies/payments-api -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d "$policy")
[[ $code == 200 || $code == 201 ]] || fail "PUT /v1/policies/payments-api: $code $(cat "$work/body")"
pass "PUT /v1/policies/payments-api with the admin token from /data/admin-token: $code"
code=$(http -X POST http://127.0.0.1:8700/v1/check -H "Authorization: Bearer $admin" -d "$check")
[[ $code == 200 ]] && grep -q '"allow":true' "$work/body" || fail "POST /v1/check: $code $(cat "$work/body")"
pass "POST /v1/check: 200 $(cat "$work/body")"
decision=$(jq -r .decisionId "$work/body")

stop
grep -q "decision log closed: .* 0 lost" "$work/server.log" || fail "no clean shutdown in the log"
pass "SIGTERM: stopped; log: $(grep -o 'decision log closed: .*' "$work/server.log")"

start
ready
code=$(http -X POST http://127.0.0.1:8700/v1/check -H "Authorization: Bearer $admin" -d "$check")
[[ $code == 200 ]] && grep -q '"allow":true' "$work/body" || fail "after a restart, POST /v1/check: $code $(cat "$work/body")"
pass "second start on the same /data: the policy is kept, POST /v1/check: 200 $(cat "$work/body")"
code=$(http "http://127.0.0.1:8700/v1/decisions/$decision" -H "Authorization: Bearer $admin")
[[ $code == 200 ]] || fail "the first start's decision $decision is not in the decision log: $code $(cat "$work/body")"
pass "the first start's decision is in the decision log: GET /v1/decisions/$decision: 200"
stop
grep -q "decision log closed: .* 0 lost" "$work/server.log" || fail "no clean shutdown after the second start"
pass "SIGTERM again: $(grep -o 'decision log closed: .*' "$work/server.log")"
echo "verified: $ref under $runtime"
