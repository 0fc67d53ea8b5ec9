#!/bin/sh
# Builds scripts/http/bench-server (release) in a scratch package under /tmp that links
# the repository's HTTPServer sources, so it needs nothing else of the project to compile.
# Prints the path of the binary.
set -eu
. "$(dirname "$0")/server-package.sh"
PKG=${BENCH_PKG:-/tmp/http-bench-pkg}
server_package "$PKG" http-bench scripts/http/bench-server Sources/bench-server \
    '.executableTarget(name: "bench-server", dependencies: ["HTTPServer"], swiftSettings: strict)'
cd "$PKG"
swift build -c release >&2
echo "$PKG/.build/release/bench-server"
