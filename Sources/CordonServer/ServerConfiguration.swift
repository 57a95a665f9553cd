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

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "cordon.sqlite",
                dayWindow: DayWindow = .standard, staleness: StalenessPolicy = .standard, readers: Int = 8,
                logLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.dayWindow = dayWindow
        self.staleness = staleness
        self.readers = readers
        self.logLevel = logLevel
    }
}
