import CordonCore
import Hummingbird
import Logging

/// Builds the router: middleware first (logging outermost, so it sees the final status),
/// then every route, recorded in the route table.
public func buildRouter(registry: Registry, configuration: ServerConfiguration = ServerConfiguration(),
                        signal: FeedSignal = FeedSignal(), address: PublicAddress? = nil,
                        logger: Logger = Logger(label: "cordon")) -> (Router<CordonRequestContext>, RouteTable) {
    let address = address ?? PublicAddress(configuration: configuration)
    let console = ConsoleAssets(leafletDirectory: configuration.leafletDirectory, logger: logger)
    let costly = CostlyRequests(limits: configuration.costLimits)
    let router = Router(context: CordonRequestContext.self)
    var table = RouteTable()
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: CompressionMiddleware())
    // The table is complete before any request arrives; the middleware reads it then.
    let tableBox = RouteTableBox()
    router.add(middleware: ProblemMiddleware(routes: tableBox))
    router.add(middleware: ConsoleRedirectMiddleware())
    let keyCache = KeyCache()
    router.add(middleware: AuthenticationMiddleware(registry: registry, cache: keyCache, origins: OriginCheck(address: address)))
    if let limit = configuration.rateLimit {
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(limit: limit)))
    }
    FeatureRoutes(registry: registry, address: address).register(on: router, table: &table)
    LookupRoutes(registry: registry, costly: costly).register(on: router, table: &table)
    PlaceRoutes(registry: registry).register(on: router, table: &table)
    MeRoutes(registry: registry).register(on: router, table: &table)
    BuildingRoutes(registry: registry).register(on: router, table: &table)
    FirmRoutes(registry: registry, costly: costly).register(on: router, table: &table)
    PlanRoutes(registry: registry, costly: costly).register(on: router, table: &table)
    IncidentRoutes(registry: registry, presets: configuration.presets, signal: signal).register(on: router, table: &table)
    AlertRoutes(registry: registry, signal: signal).register(on: router, table: &table)
    IncidentStreamRoutes(registry: registry, signal: signal, pollInterval: configuration.pollInterval).register(on: router, table: &table)
    FeedRoutes(registry: registry, signal: signal, pollInterval: configuration.pollInterval,
               webhookAddresses: configuration.webhookAddresses).register(on: router, table: &table)
    AdminRoutes(registry: registry, keyCache: keyCache).register(on: router, table: &table)
    ServiceRoutes(registry: registry).register(on: router, table: &table)
    SessionRoutes(registry: registry, keyCache: keyCache, lifetime: configuration.sessionLifetime,
                  secureCookie: configuration.servedOverTLS).register(on: router, table: &table)
    MapRoutes(registry: registry).register(on: router, table: &table)
    ConsoleRoutes(assets: console, configuration: configuration).register(on: router, table: &table)
    tableBox.table = table
    return (router, table)
}

/// Opens (or creates from the bundled data) the registry and builds the application. The
/// executable and the end-to-end tests both call this.
public func buildApplication(
    configuration: ServerConfiguration, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "cordon")
    logger.logLevel = configuration.logLevel
    let (opened, created) = try await Registry.open(
        path: configuration.databasePath, dayWindow: configuration.dayWindow, staleness: configuration.staleness,
        readers: configuration.readers, checkpointer: configuration.auditCheckpointer)
    if let created {
        logger.notice("created \(configuration.databasePath) from the bundled Square Mile data: \(created.summary) (demonstration figures)")
    }
    try await opened.database.warmUp(readers: configuration.readers)
    let registry = configuration.radiusIndex ? try await opened.withRadiusIndex(logger: logger) : opened
    let signal = FeedSignal()
    let address = PublicAddress(configuration: configuration)
    let (router, _) = buildRouter(registry: registry, configuration: configuration, signal: signal, address: address,
                                  logger: logger)
    let dispatcher = WebhookDispatcher(registry: registry, policy: configuration.webhookRetry,
                                       addresses: configuration.webhookAddresses,
                                       pollInterval: configuration.pollInterval, signal: signal, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cordon"),
        services: [dispatcher],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            address.listening(port: port)
            await onServerRunning(port)
        },
        logger: logger)
}
