// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cordon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cordon", targets: ["cordon"]),
        .executable(name: "cordon-bench", targets: ["cordon-bench"]),
        .library(name: "CordonCore", targets: ["CordonCore"]),
        .library(name: "CordonServer", targets: ["CordonServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // C bridges: SpatiaLite loading (variadic sqlite3_db_config needs a C shim) and PROJ.
        .systemLibrary(
            name: "CSpatiaLite", path: "Sources/CSpatiaLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev", "libsqlite3-mod-spatialite"])]),
        .systemLibrary(
            name: "CProj", path: "Sources/CProj", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]),

        // Embeds every file under queries/ into CordonCore at build time, so the SQL files
        // stay the single source of truth and a running binary never looks for them on disk.
        .executableTarget(name: "QueryEmbedder", path: "Sources/QueryEmbedder"),
        .plugin(
            name: "EmbedQueries", capability: .buildTool(),
            dependencies: ["QueryEmbedder"], path: "Plugins/EmbedQueries"),
        // Embeds the console's pages, styles and scripts (top-level `console/`) into
        // CordonServer in the same way, so a running server never reads them from disk.
        .executableTarget(name: "ConsoleEmbedder", path: "Sources/ConsoleEmbedder"),
        .plugin(
            name: "EmbedConsole", capability: .buildTool(),
            dependencies: ["ConsoleEmbedder"], path: "Plugins/EmbedConsole"),

        .target(
            name: "CordonCore",
            dependencies: [
                "CSpatiaLite", "CProj",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedQueries"]),
        .target(
            name: "CordonServer",
            dependencies: [
                "CordonCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedConsole"]),
        .executableTarget(
            name: "cordon",
            dependencies: [
                "CordonCore", "CordonServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "cordon-bench",
            dependencies: [
                "CordonCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Fixtures shared by the test targets (a real SpatiaLite file per test).
        .target(
            name: "CordonTestSupport",
            dependencies: ["CordonCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log")],
            path: "Tests/Support"),
        .testTarget(
            name: "CordonCoreTests",
            dependencies: ["CordonCore", "CordonTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"]),
        .testTarget(
            name: "CordonServerTests",
            dependencies: ["CordonServer", "CordonCore", "CordonTestSupport",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "CompressNIO", package: "compress-nio"),
                           .product(name: "Logging", package: "swift-log")],
            exclude: ["Standards"]),
        .testTarget(name: "CordonCLITests", dependencies: ["cordon", "CordonCore"]),
        // The console in a real browser: headless Chromium driven over WebDriver.
        .testTarget(
            name: "CordonConsoleTests",
            dependencies: ["CordonServer", "CordonCore", "CordonTestSupport",
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]),
    ],
    swiftLanguageModes: [.v6]
)
