# Sourced by build-bench-server.sh and run-unit-tests.sh: writes a scratch package at $1 that holds only
# CLinuxShims and HTTPServer (symlinked from the repository) plus one more target, so that it compiles whatever
# the rest of the repository is doing.
#   server_package DIR NAME LINK_FROM LINK_TO TARGET_DECLARATION
server_package() {
    pkg=$1 name=$2 from=$3 to=$4 target=$5
    root=$(cd "$(dirname "$0")/../.." && pwd)
    mkdir -p "$pkg/Sources" "$pkg/Tests"
    ln -sfn "$root/Sources/HTTPServer" "$pkg/Sources/HTTPServer"
    ln -sfn "$root/Sources/CLinuxShims" "$pkg/Sources/CLinuxShims"
    ln -sfn "$root/$from" "$pkg/$to"
    cat > "$pkg/Package.swift" <<PKGEOF
// swift-tools-version:6.0
import PackageDescription
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
let package = Package(
    name: "$name",
    dependencies: [.package(url: "https://github.com/apple/swift-collections", from: "1.6.0")],
    targets: [
        .systemLibrary(name: "CLinuxShims", path: "Sources/CLinuxShims"),
        .target(name: "HTTPServer", dependencies: [
            "CLinuxShims", .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: strict),
        $target,
    ]
)
PKGEOF
}
