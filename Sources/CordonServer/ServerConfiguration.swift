import CordonCore
import Logging

/// Everything the server needs, built once (flags, then environment, then defaults) and passed down.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var databasePath: String
    public var dayWindow: DayWindow
    public var staleness: StalenessPolicy
    /// Reader connections: enough to keep both cores busy while requests wait on I/O.
    public var readers: Int
    public var logLevel: Logger.Level
    /// Cordon radii by threat, for incidents opened with a preset.
    public var presets: CordonPresets
    /// How failed webhook deliveries are retried.
    public var webhookRetry: WebhookRetryPolicy
    /// How often the webhook outbox and the live streams look for work another process
    /// (the command line) wrote; alerts sent through this server wake them at once.
    public var pollInterval: Duration
    /// Radius lookups from an in-memory copy of the buildings and figures, checked against
    /// the database's revision (see `RadiusIndex`); false answers every lookup in SQL.
    public var radiusIndex: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "cordon.sqlite",
                dayWindow: DayWindow = .standard, staleness: StalenessPolicy = .standard, readers: Int = 8,
                logLevel: Logger.Level = .info, presets: CordonPresets = .standard,
                webhookRetry: WebhookRetryPolicy = .standard, pollInterval: Duration = .seconds(1),
                radiusIndex: Bool = true) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.dayWindow = dayWindow
        self.staleness = staleness
        self.readers = readers
        self.logLevel = logLevel
        self.presets = presets
        self.webhookRetry = webhookRetry
        self.pollInterval = pollInterval
        self.radiusIndex = radiusIndex
    }
}
