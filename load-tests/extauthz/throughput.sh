#!/usr/bin/env bash
# Envoy's gRPC ext_authz against POST /v1/check over HTTP/1.1, in the same run on the same server
# (embedded PostgreSQL, decision log on): alternating rounds at the same concurrency, gRPC on few
# HTTP/2 connections with several streams each, as Envoy pools. Prints a Markdown table.
#
#   load-tests/extauthz/throughput.sh [seconds per round] [rounds] [in flight] [HTTP/2 connections]
#
# JAVA selects the JVM (default: java on the PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl load-tests -am package -DskipTests
"${JAVA:-java}" -Xms512m -Xmx512m -cp load-tests/target/benchmarks.jar \
  dev.arbiter.loadtests.extauthz.ExtAuthzThroughput "${1:-10}" "${2:-5}" "${3:-16}" "${4:-2}" 2>/dev/null
