import ArgumentParser
import CordonCore
import CordonServer
import Foundation
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the HTTP query service (lookups, OGC API - Features, OpenAPI) on the registry.",
        discussion: "Stops cleanly on SIGINT or SIGTERM, finishing requests in flight.")

    @Option(help: "Address to listen on (default: $CORDON_HOST, else 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on; 0 picks a free one (default: $CORDON_PORT, else 8080).") var port: Int?
    @Option(help: "Reader connections in the pool.") var readers = 8
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Flag(inversion: .prefixedNo,
          help: "Answer radius lookups from an in-memory copy of the buildings and figures, checked against the database on every change.")
    var radiusIndex = true
    @OptionGroup var presets: PresetOptions
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw InputError(field: "--log-level", value: logLevel, problem: "is not a log level",
                             fix: "Use trace, debug, info, notice, warning, error or critical.")
        }
        let portText = port.map(String.init) ?? environment["CORDON_PORT"] ?? "8080"
        guard let portNumber = Int(portText), (0...65_535).contains(portNumber) else {
            throw InputError(field: "--port", value: portText, problem: "is not a port number", fix: "Give a port from 0 to 65535.")
        }
        let configuration = ServerConfiguration(
            host: host ?? environment["CORDON_HOST"] ?? "127.0.0.1", port: portNumber,
            databasePath: registry.databasePath, dayWindow: try registry.dayWindow(), staleness: try registry.staleness(),
            readers: max(1, readers), logLevel: level, presets: try presets.load(), radiusIndex: radiusIndex)
        let app = try await buildApplication(configuration: configuration) { port in
            Logger(label: "cordon").notice("listening on http://\(configuration.host):\(port)")
        }
        try await app.runService()
    }
}
