// swift-tools-version: 6.1
import PackageDescription

// Release builds optimise across our own modules: the link layer's generic session machine and
// window live in CarrierSession and are used from CarrierGateway, and without this every submit
// ran their unspecialised code (runtime generic-metadata lookups, docs/dispatch.md "Benchmark").
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

// Boundaries by dependency (docs/architecture.md): the domain imports no framework,
// codecs touch no socket, state machines do no I/O. A wrong import fails to compile
// because the target does not list the module.
let package = Package(
    name: "tocsin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tocsin", targets: ["tocsin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
    ],
    targets: [
        // Domain values and pure logic. Foundation only.
        .target(name: "TocsinCore"),

        // Wire codecs: framing, text encodings, one file per PDU. No sockets.
        .target(
            name: "CarrierWire",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: crossModule
        ),
        // Pure session state machines over an injected clock. No NIO.
        .target(name: "CarrierSession", swiftSettings: crossModule),
        // The only socket code on our side: client links, the SGIP report listener, link groups.
        .target(
            name: "CarrierGateway",
            dependencies: [
                "CarrierWire", "CarrierSession",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: crossModule
        ),
        // The carriers' side of each protocol, for the demo, tests and benchmarks.
        .target(
            name: "CarrierSimulator",
            dependencies: [
                "CarrierWire", "CarrierSession",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: crossModule
        ),

        // One store over SQLKit for SQLite and PostgreSQL.
        .target(
            name: "TocsinStorage",
            dependencies: [
                "TocsinCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Password hashing, secrets, the audit-chain HMAC and the account service. No storage:
        // it talks to the `AccountStore` port of TocsinCore.
        .target(
            name: "TocsinSecurity",
            dependencies: [
                "TocsinCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // From an approved warning to delivered: planning, the deliveries queue with leases,
        // senders per carrier account, retries, report matching, progress and recovery.
        .target(
            name: "TocsinDispatch",
            dependencies: [
                "TocsinCore", "TocsinStorage", "CarrierGateway", "CarrierWire",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: crossModule
        ),
        // The only HTTP code: JSON API under /api/v1 with its OpenAPI document, the console,
        // sessions, CSRF, security headers, SSE progress, /healthz.
        .target(
            name: "TocsinWeb",
            dependencies: [
                "TocsinCore", "TocsinStorage", "TocsinSecurity",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Composition root, configuration, import/export, CLI commands.
        .target(
            name: "TocsinApp",
            dependencies: [
                "TocsinCore",
                "TocsinStorage",
                "TocsinSecurity",
                "CarrierWire",
                "CarrierGateway",
                "CarrierSimulator",
                "TocsinDispatch",
                "TocsinWeb",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(name: "tocsin", dependencies: ["TocsinApp", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Fresh databases for tests (SQLite always; PostgreSQL when TOCSIN_TEST_POSTGRES_URL is set).
        .target(name: "TocsinTestSupport", dependencies: ["TocsinStorage", "TocsinSecurity"], path: "Tests/Support"),

        .testTarget(name: "TocsinCoreTests", dependencies: ["TocsinCore"]),
        .testTarget(
            name: "CarrierWireTests",
            dependencies: [
                "CarrierWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "CarrierSessionTests", dependencies: ["CarrierSession"]),
        .testTarget(
            name: "CarrierGatewayTests",
            dependencies: ["CarrierGateway", "CarrierSimulator", "CarrierWire", "CarrierSession",
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl")]
        ),
        .testTarget(name: "TocsinSecurityTests", dependencies: ["TocsinSecurity", "TocsinStorage", "TocsinCore", "TocsinTestSupport"]),
        .testTarget(name: "TocsinStorageTests", dependencies: ["TocsinStorage", "TocsinCore", "TocsinTestSupport"]),
        .testTarget(name: "TocsinDispatchTests", dependencies: ["TocsinDispatch", "TocsinStorage", "TocsinCore", "TocsinTestSupport",
                                                                "CarrierGateway", "CarrierSimulator", "CarrierWire",
                                                                .product(name: "SQLKit", package: "sql-kit")]),
        .testTarget(name: "TocsinWebTests", dependencies: ["TocsinWeb", "TocsinStorage", "TocsinSecurity", "TocsinCore", "TocsinTestSupport",
                                                           .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "TocsinAppTests", dependencies: ["TocsinApp", "TocsinStorage", "TocsinCore", "TocsinTestSupport",
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ],
    swiftLanguageModes: [.v6]
)
