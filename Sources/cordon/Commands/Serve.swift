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
    @Option(help: ArgumentHelp(
        "Requests a second per key before 429 (bursts of twice as many); 0 sets no limit (default: $CORDON_RATE_LIMIT, else 50).",
        valueName: "n"))
    var rateLimit: String?
    @Option(help: ArgumentHelp(
        "The URL clients reach this server at, for the links it writes (default: $CORDON_PUBLIC_URL, else the listening address).",
        valueName: "url"))
    var publicURL: String?
    @Option(help: "Costly requests (coverage, plans, polygons, radius over 1000 m, uploads) run at once.")
    var costlySlots = CostLimits.standard.slots
    @Option(help: ArgumentHelp("Seconds a costly request may run before it is stopped.", valueName: "seconds"))
    var requestDeadline = 30.0
    @Option(name: .customLong("webhook-allow"), help: ArgumentHelp(
        "A host name, address or network (10.20.0.0/16) webhooks may reach although it is not public; repeat for more "
            + "(default: $CORDON_WEBHOOK_ALLOW, comma-separated, else none).", valueName: "host"))
    var webhookAllow: [String] = []
    @Option(help: ArgumentHelp("Hours a console sign-in lasts (default: $CORDON_SESSION_HOURS, else 8).", valueName: "hours"))
    var sessionHours: String?
    @Option(help: ArgumentHelp(
        "A background map tile URL for the console, e.g. https://tile.example.org/{z}/{x}/{y}.png (default: $CORDON_TILE_URL, else none: "
            + "the console draws the boundary, wards and footprints only).", valueName: "url"))
    var tileURL: String?
    @Option(help: ArgumentHelp("Attribution shown with the tiles (default: $CORDON_TILE_ATTRIBUTION).", valueName: "text"))
    var tileAttribution: String?
    @Option(help: ArgumentHelp("Where Leaflet is installed (Debian's libjs-leaflet).", valueName: "directory"))
    var leafletDir = "/usr/share/javascript/leaflet"
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
        let allowed = !webhookAllow.isEmpty ? (webhookAllow, "--webhook-allow")
            : ((environment["CORDON_WEBHOOK_ALLOW"] ?? "").split(separator: ",").map(String.init), "CORDON_WEBHOOK_ALLOW")
        let webhookAddresses = try WebhookAddressPolicy(allowing: allowed.0, field: allowed.1)
        let rateText = rateLimit ?? environment["CORDON_RATE_LIMIT"].flatMap { $0.isEmpty ? nil : $0 } ?? "50"
        guard let perSecond = Double(rateText), perSecond.isFinite, perSecond >= 0 else {
            throw InputError(field: "--rate-limit", value: rateText, problem: "is not a number of requests a second",
                             fix: "Give a number such as 50, or 0 for no limit.")
        }
        guard requestDeadline.isFinite, requestDeadline > 0, requestDeadline <= 3_600 else {
            throw InputError(field: "--request-deadline", value: JSONText.number(requestDeadline), problem: "is out of range",
                             fix: "Give a number of seconds greater than 0 and at most 3600.")
        }
        guard (1...64).contains(costlySlots) else {
            throw InputError(field: "--costly-slots", value: "\(costlySlots)", problem: "is out of range", fix: "Give a whole number from 1 to 64.")
        }
        let publicText = publicURL ?? environment["CORDON_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let publicText {
            guard let url = URL(string: publicText), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
                  url.query == nil else {
                throw InputError(field: "--public-url", value: publicText, problem: "is not an http or https URL",
                                 fix: "Give the address clients use, such as https://cordon.example.org.")
            }
        }
        let hoursText = sessionHours ?? environment["CORDON_SESSION_HOURS"].flatMap { $0.isEmpty ? nil : $0 } ?? "8"
        guard let hours = Double(hoursText), hours.isFinite, hours >= 0.1, hours <= 24 * 7 else {
            throw InputError(field: "--session-hours", value: hoursText, problem: "is not a number of hours from 0.1 to 168",
                             fix: "Give the hours a console sign-in lasts, such as 8.")
        }
        let tileText = tileURL ?? environment["CORDON_TILE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let tileText {
            guard tileText.hasPrefix("https://") || tileText.hasPrefix("http://"), tileText.contains("{z}"),
                  tileText.contains("{x}"), tileText.contains("{y}") else {
                throw InputError(field: "--tile-url", value: tileText, problem: "is not a tile URL template",
                                 fix: "Give an http(s) URL with {z}, {x} and {y}, such as https://tile.example.org/{z}/{x}/{y}.png.")
            }
        }
        var limits = CostLimits.standard
        limits.slots = costlySlots
        limits.deadline = .milliseconds(Int64(requestDeadline * 1_000))
        var configuration = ServerConfiguration(
            host: host ?? environment["CORDON_HOST"] ?? "127.0.0.1", port: portNumber,
            databasePath: registry.databasePath, dayWindow: try registry.dayWindow(), staleness: try registry.staleness(),
            readers: max(1, readers), logLevel: level, presets: try presets.load(), webhookAddresses: webhookAddresses,
            radiusIndex: radiusIndex,
            costLimits: limits, rateLimit: perSecond == 0 ? nil : RateLimit(perSecond: perSecond, burst: max(1, perSecond * 2)),
            publicURL: publicText, auditCheckpointer: try registry.checkpointer())
        configuration.sessionLifetime = .seconds(Int64(hours * 3_600))
        configuration.tileURL = tileText
        configuration.tileAttribution = tileAttribution ?? environment["CORDON_TILE_ATTRIBUTION"]
        configuration.leafletDirectory = leafletDir
        let listeningHost = configuration.host
        let app = try await buildApplication(configuration: configuration) { port in
            Logger(label: "cordon").notice("listening on http://\(listeningHost):\(port); the console is at /console")
        }
        try await app.runService()
    }
}
