#!/bin/sh
# Builds scripts/http/bench-server (release) in a scratch package under /tmp that links
# the repository's HTTPServer sources, so it needs nothing else of the project to compile.
# Prints the path of the binary.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PKG=${BENCH_PKG:-/tmp/http-bench-pkg}
mkdir -p "$PKG/Sources"
ln -sfn "$ROOT/Sources/HTTPServer" "$PKG/Sources/HTTPServer"
ln -sfn "$ROOT/Sources/CLinuxShims" "$PKG/Sources/CLinuxShims"
ln -sfn "$ROOT/scripts/http/bench-server" "$PKG/Sources/bench-server"
cat > "$PKG/Package.swift" <<'PKGEOF'
// swift-tools-version:6.0
import PackageDescription
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
let package = Package(
    name: "http-bench",
    dependencies: [.package(url: "https://github.com/apple/swift-collections", from: "1.6.0")],
    targets: [
        .systemLibrary(name: "CLinuxShims", path: "Sources/CLinuxShims"),
        .target(name: "HTTPServer", dependencies: [
            "CLinuxShims", .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: strict),
        .executableTarget(name: "bench-server", dependencies: ["HTTPServer"], swiftSettings: strict),
    ]
)
PKGEOF
cd "$PKG"
swift build -c release >&2
echo "$PKG/.build/release/bench-server"
