import Synchronization

/// The base of the absolute links the server writes (OGC API links, `next` pages): the
/// configured public URL, else the address the server listens on, filled in once the port
/// is known (port 0 picks one at start).
public final class PublicAddress: Sendable {
    private let base: Mutex<String>
    private let configured: Bool

    init(configuration: ServerConfiguration) {
        if let url = configuration.publicURL {
            base = Mutex(url.hasSuffix("/") ? String(url.dropLast()) : url)
            configured = true
        } else {
            base = Mutex("http://\(Self.host(configuration.host)):\(configuration.port)")
            configured = false
        }
        self.configuredHost = configuration.host
    }

    private let configuredHost: String

    func listening(port: Int) {
        guard !configured else { return }
        base.withLock { $0 = "http://\(Self.host(configuredHost)):\(port)" }
    }

    var url: String { base.withLock { $0 } }

    /// An IPv6 literal goes in brackets; a wildcard address is no place to send a client.
    private static func host(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "", "::": "127.0.0.1"
        case let literal where literal.contains(":"): "[\(literal)]"
        default: host
        }
    }
}
