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
    /// Which addresses webhooks may reach: public ones, plus the hosts and networks listed
    /// with `--webhook-allow` / CORDON_WEBHOOK_ALLOW.
    public var webhookAddresses: WebhookAddressPolicy
    /// How often the webhook outbox and the live streams look for work another process
    /// (the command line) wrote; alerts sent through this server wake them at once.
    public var pollInterval: Duration
    /// Radius lookups from an in-memory copy of the buildings and figures, checked against
    /// the database's revision (see `RadiusIndex`); false answers every lookup in SQL.
    public var radiusIndex: Bool
    /// Slots, waiting time and deadline for the requests that can be expensive.
    public var costLimits: CostLimits
    /// Requests per key; nil sets no limit (for benchmarks).
    public var rateLimit: RateLimit?
    /// The address clients reach the server at (behind a proxy, say), used in the links the
    /// server writes; nil uses the address it listens on. Never the request's Host header,
    /// which any client can set.
    public var publicURL: String?
    /// Signs a checkpoint of the audit log after each write that added rows; nil: none.
    public var auditCheckpointer: AuditCheckpointer?
    /// How long a console sign-in lasts before the person signs in again.
    public var sessionLifetime: Duration = .seconds(8 * 3_600)
    /// A background tile URL template for the console's map ({z}/{x}/{y}, optionally {s});
    /// nil draws only the boundary, the wards and the footprints, which needs no network.
    public var tileURL: String? = nil
    public var tileAttribution: String? = nil
    /// Where Debian's libjs-leaflet installs Leaflet; the console's map is served from here.
    public var leafletDirectory: String = "/usr/share/javascript/leaflet"

    /// Whether clients reach the server over https (the public URL says so), which makes
    /// the session cookie Secure.
    var servedOverTLS: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "cordon.sqlite",
                dayWindow: DayWindow = .standard, staleness: StalenessPolicy = .standard, readers: Int = 8,
                logLevel: Logger.Level = .info, presets: CordonPresets = .standard,
                webhookRetry: WebhookRetryPolicy = .standard, webhookAddresses: WebhookAddressPolicy = .publicOnly,
                pollInterval: Duration = .seconds(1),
                radiusIndex: Bool = true, costLimits: CostLimits = .standard, rateLimit: RateLimit? = .standard,
                publicURL: String? = nil, auditCheckpointer: AuditCheckpointer? = nil) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.dayWindow = dayWindow
        self.staleness = staleness
        self.readers = readers
        self.logLevel = logLevel
        self.presets = presets
        self.webhookRetry = webhookRetry
        self.webhookAddresses = webhookAddresses
        self.pollInterval = pollInterval
        self.radiusIndex = radiusIndex
        self.costLimits = costLimits
        self.rateLimit = rateLimit
        self.publicURL = publicURL
        self.auditCheckpointer = auditCheckpointer
    }
}
