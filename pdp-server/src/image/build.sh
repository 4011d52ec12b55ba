#!/usr/bin/env bash
# Builds the container image: the server jar, the base (base.sh, needs root and Debian's mirror)
# and the application image (Jib), into pdp-server/target/arbiter-image.tar.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec ./mvnw -B -pl pdp-server -am package -Pimage -DskipTests "$@"
