#!/usr/bin/env bash
# The image's base, built here without a container engine: Debian bookworm (minbase), a jlink'd
# Java runtime in /opt/java, the user arbiter (65532) and an empty /data, written as a
# docker-save tar that Jib reads as its base (tar://).
# Needs root (debootstrap) and Debian's package mirror. Usage: base.sh [server jar] [output tar]
set -euo pipefail

module=$(cd "$(dirname "$0")/../.." && pwd)
jar=${1:-$module/target/pdp-server.jar}
out=${2:-$module/target/image/base.tar}
jdk=${ARBITER_IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
mirror=${ARBITER_IMAGE_MIRROR:-http://deb.debian.org/debian}

[[ $(id -u) == 0 ]] || { echo "base.sh: debootstrap needs root" >&2; exit 1; }
[[ -f $jar ]] || { echo "base.sh: no $jar; build the server jar first" >&2; exit 1; }
missing=$(for tool in debootstrap jq; do command -v $tool >/dev/null || echo $tool; done)
[[ -z $missing ]] || { apt-get update -qq && apt-get install -y -qq $missing >/dev/null; }

mkdir -p "$(dirname "$out")"
work=$(mktemp -d "$(dirname "$out")/base.XXXXXX")
# --one-file-system: never follow a mount debootstrap may have left behind into the host.
trap 'rm -rf --one-file-system "$work"' EXIT
root=$work/rootfs

# What the jar needs by static analysis, plus what it reaches only by reflection or service loading:
# elliptic-curve TLS, the process metrics (com.sun.management), sun.misc.Unsafe for Netty and Caffeine.
# verify.sh runs the server on this runtime; nothing in it opens zip file systems (no jdk.zipfs).
modules=$("$jdk/bin/jdeps" --multi-release 17 --print-module-deps --ignore-missing-deps "$jar")
modules=$(tr , '\n' <<<"$modules,jdk.crypto.ec,jdk.management,jdk.unsupported" | sort -u | paste -sd,)
echo "base.sh: Java modules $modules"

# minbase: essential packages only. /bin/sh is there for pg_ctl; glibc for the JVM and PostgreSQL.
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# Nothing installs packages at run time: package caches, lists, docs and translations can go.
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/log/* \
  "$root"/usr/share/{doc,man,info,locale,lintian}/* "$root"/var/cache/debconf/*-old

# The embedded PostgreSQL listens on "localhost": runtimes that do not mount their own /etc/hosts
# need one. The build machine's resolver and name, which debootstrap copied, are not the image's.
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
: >"$root/etc/resolv.conf"
echo arbiter >"$root/etc/hostname"

"$jdk/bin/jlink" --add-modules "$modules" --output "$root/opt/java" \
  --strip-debug --no-header-files --no-man-pages

# A fixed uid/gid without privileges (the usual "nonroot" number); initdb needs a passwd entry.
echo 'arbiter:x:65532:65532:Arbiter:/data:/usr/sbin/nologin' >>"$root/etc/passwd"
echo 'arbiter:x:65532:' >>"$root/etc/group"
echo 'arbiter:*:19000:0:99999:7:::' >>"$root/etc/shadow"
mkdir -p "$root/data" && chown 65532:65532 "$root/data" && chmod 0750 "$root/data"

# One uncompressed layer; docker-save names it by the digest of its bytes (its diff_id).
tar --numeric-owner --xattrs -C "$root" -cf "$work/layer.tar" .
layer=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mkdir -p "$work/tar/$layer" && mv "$work/layer.tar" "$work/tar/$layer/layer.tar"
jq -n --arg diff "sha256:$layer" --arg modules "$modules" '{
  architecture: "amd64", os: "linux",
  config: {Env: ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                 "JAVA_HOME=/opt/java"]},
  rootfs: {type: "layers", diff_ids: [$diff]},
  history: [{created_by: ("debootstrap --variant=minbase bookworm; jlink " + $modules)}]}' >"$work/config.json"
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/tar/$config.json"
jq -n --arg c "$config.json" --arg l "$layer/layer.tar" \
  '[{Config: $c, RepoTags: ["arbiter-base:latest"], Layers: [$l]}]' >"$work/tar/manifest.json"
tar -C "$work/tar" -cf "$out" manifest.json "$config.json" "$layer"
echo "base.sh: $out ($(du -h "$out" | cut -f1); runtime $(du -sh "$root/opt/java" | cut -f1))"
