import Hummingbird
import Synchronization

/// The server's routes as data: the router is built from handlers, and this table answers
/// 405 with the allowed methods and lets a test check that OpenAPI documents every route.
public struct RouteTable: Sendable {
    public struct Route: Sendable, Hashable {
        public let method: HTTPRequest.Method
        /// With `{name}` for a path parameter.
        public let path: String
    }

    public private(set) var routes: [Route] = []

    mutating func add(_ method: HTTPRequest.Method, _ path: String) {
        routes.append(Route(method: method, path: path))
    }

    /// Methods registered for a concrete path.
    func methods(forPath path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.filter { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: true)
            return pattern.count == parts.count
                && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
    }
}

/// The route table, filled while the router is built. Middleware must be added before the
/// routes it wraps, so it receives this box and reads the finished table at request time.
final class RouteTableBox: Sendable {
    private let storage = Mutex(RouteTable())

    var table: RouteTable {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }

    func methods(forPath path: String) -> [HTTPRequest.Method] {
        storage.withLock { $0.methods(forPath: path) }
    }
}
