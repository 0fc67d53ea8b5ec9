// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "evidence",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "evidence", targets: ["evidence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // C libraries from the system (libsqlite3-dev, libxml2-dev).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // The SQLite layer: a thin typed wrapper over the C API. Knows nothing of evidence.
        .target(name: "SQLiteDB", dependencies: ["CSQLite"], swiftSettings: strict),

        // The stored model: schema and its versions, the vocabulary, concepts, the objects and their JSON, and the
        // writer of the store. Both the ingest pipeline and the API build on it; it knows nothing of either.
        .target(name: "EvidenceModel", dependencies: [
            "SQLiteDB",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),

        // The ingest pipeline: documents in, extractions out (stored through EvidenceModel).
        .target(name: "Ingest", dependencies: [
            "SQLiteDB", "EvidenceModel", "CLibXML2",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),

        // The HTTP/1.1 server on BSD sockets and Dispatch. Knows nothing of evidence.
        .systemLibrary(name: "CLinuxShims", path: "Sources/CLinuxShims"),
        .target(name: "HTTPServer", dependencies: [
            "CLinuxShims",
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: strict),

        // The REST API: routes to queries to JSON.
        .target(name: "EvidenceAPI", dependencies: [
            "SQLiteDB", "EvidenceModel", "HTTPServer",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),

        // The thin command line.
        .executableTarget(name: "evidence", dependencies: [
            "Ingest", "EvidenceModel", "EvidenceAPI", "HTTPServer", "SQLiteDB",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        // The tables older schema versions had, shared by the upgrade tests of IngestTests and EvidenceAPITests.
        .target(name: "SchemaHistory", dependencies: ["SQLiteDB"], path: "Tests/SchemaHistory", swiftSettings: strict),
        .testTarget(name: "SQLiteDBTests", dependencies: ["SQLiteDB"], swiftSettings: strict),
        .testTarget(name: "EvidenceModelTests", dependencies: ["EvidenceModel", "SQLiteDB"], swiftSettings: strict),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "EvidenceModel", "SQLiteDB", "SchemaHistory"],
                    exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"], swiftSettings: strict),
        .testTarget(name: "EvidenceAPITests", dependencies: ["EvidenceAPI", "EvidenceModel", "Ingest", "SQLiteDB", "HTTPServer", "SchemaHistory"], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["evidence"], swiftSettings: strict),
        .testTarget(name: "ReliabilityTests", dependencies: ["evidence", "EvidenceAPI", "EvidenceModel", "Ingest", "SQLiteDB", "HTTPServer"], swiftSettings: strict),
    ]
)
