#!/bin/sh
# Runs Tests/HTTPServerTests in a scratch package under /tmp that holds only CLinuxShims,
# HTTPServer and its tests, so the run does not depend on other modules of the repository
# compiling at that moment. The normal way is:
#   swift test --scratch-path .build-http --filter HTTPServerTests
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PKG=${HTTP_TEST_PKG:-/tmp/http-test-pkg}
mkdir -p "$PKG/Sources" "$PKG/Tests"
ln -sfn "$ROOT/Sources/HTTPServer" "$PKG/Sources/HTTPServer"
ln -sfn "$ROOT/Sources/CLinuxShims" "$PKG/Sources/CLinuxShims"
ln -sfn "$ROOT/Tests/HTTPServerTests" "$PKG/Tests/HTTPServerTests"
cat > "$PKG/Package.swift" <<'PKGEOF'
// swift-tools-version:6.0
import PackageDescription
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
let package = Package(
    name: "http-tests",
    dependencies: [.package(url: "https://github.com/apple/swift-collections", from: "1.6.0")],
    targets: [
        .systemLibrary(name: "CLinuxShims", path: "Sources/CLinuxShims"),
        .target(name: "HTTPServer", dependencies: [
            "CLinuxShims", .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: strict),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"], swiftSettings: strict),
    ]
)
PKGEOF
cd "$PKG"
exec swift test "$@"
