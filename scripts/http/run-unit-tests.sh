#!/bin/sh
# Runs Tests/HTTPServerTests in a scratch package under /tmp that holds only CLinuxShims,
# HTTPServer and its tests, so the run does not depend on other modules of the repository
# compiling at that moment. The normal way is:
#   swift test --scratch-path .build-http --filter HTTPServerTests
set -eu
. "$(dirname "$0")/server-package.sh"
PKG=${HTTP_TEST_PKG:-/tmp/http-test-pkg}
server_package "$PKG" http-tests Tests/HTTPServerTests Tests/HTTPServerTests \
    '.testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"], swiftSettings: strict)'
cd "$PKG"
exec swift test "$@"
