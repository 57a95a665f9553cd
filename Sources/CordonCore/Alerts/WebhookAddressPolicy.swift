import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which addresses webhooks may reach: public ones, plus the hosts and networks a deployment
/// names because its firms' receivers sit on an internal network.
public struct WebhookAddressPolicy: Sendable, Equatable {
    /// Host names (compared without case) whose every address is allowed.
    public let allowedNames: Set<String>
    /// Networks (an address and a prefix length) whose addresses are allowed.
    public let allowedNetworks: [Network]

    public struct Network: Sendable, Equatable, CustomStringConvertible {
        public let address: WebhookAddress
        public let prefix: Int
        public var description: String { "\(address)/\(prefix)" }
    }

    /// Public addresses only.
    public static let publicOnly = WebhookAddressPolicy(names: [], networks: [])

    private init(names: Set<String>, networks: [Network]) {
        allowedNames = names
        allowedNetworks = networks
    }

    /// Entries are host names, addresses (127.0.0.1, ::1) or networks (10.20.0.0/16, fd00::/8).
    public init(allowing entries: [String], field: String = "--webhook-allow") throws(InputError) {
        var names: Set<String> = []
        var networks: [Network] = []
        for raw in entries {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            if let address = WebhookAddress.numeric(String(parts[0])) {
                let width = address.isIPv4 ? 32 : 128
                var prefix = width
                if parts.count == 2 {
                    guard let bits = Int(parts[1]), (0...width).contains(bits) else {
                        throw InputError(field: field, value: "'\(entry)'", problem: "has a prefix length that is not 0 to \(width)",
                                         fix: "Give a network like 10.20.0.0/16 or fd00::/8, an address, or a host name.")
                    }
                    prefix = bits
                }
                networks.append(Network(address: address.unmapped, prefix: address.unmapped.isIPv4 ? min(prefix, 32) : prefix))
            } else if parts.count == 1, Self.isHostName(entry) {
                names.insert(entry.lowercased())
            } else {
                throw InputError(field: field, value: "'\(entry)'", problem: "is not a host name, an address or a network",
                                 fix: "Give a host name (hooks.internal), an address (10.20.0.5) or a network (10.20.0.0/16).")
            }
        }
        self.init(names: names, networks: networks)
    }

    static func isHostName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 253 && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }
    }

    public func allows(name host: String) -> Bool {
        allowedNames.contains(host.lowercased())
    }

    /// Why `address` may not be reached, or nil when it may.
    public func refusal(of address: WebhookAddress) -> WebhookAddress.Kind? {
        let address = address.unmapped
        if allowedNetworks.contains(where: { address.isWithin($0.address, prefix: $0.prefix) }) { return nil }
        let kind = address.kind
        return kind == .public ? nil : kind
    }

    /// What checking a host found.
    public enum Verdict: Sendable, Equatable {
        case allowed([WebhookAddress])
        case unresolved
        case refused(WebhookAddress, WebhookAddress.Kind)
    }

    /// Checks every address of `host`. A numeric host is read as the C library would and
    /// never looked up; a name is resolved off the cooperative pool.
    public func check(host: String) async throws -> Verdict {
        let addresses: [WebhookAddress]
        if let numeric = WebhookAddress.numeric(host) {
            addresses = [numeric]
        } else {
            addresses = try await Self.resolve(host)
            guard !addresses.isEmpty else { return .unresolved }
            if allows(name: host) { return .allowed(addresses) }
        }
        for address in addresses {
            if let kind = refusal(of: address) { return .refused(address, kind) }
        }
        return .allowed(addresses)
    }

    /// The addresses of `host`, or an input error for `field` that says which address is
    /// not public and why.
    public func vet(host: String, field: String = "url", value: String) async throws -> [WebhookAddress] {
        switch try await check(host: host) {
        case .allowed(let addresses):
            return addresses
        case .unresolved:
            throw InputError(field: field, value: value, problem: "names a host (\(host)) that does not resolve to any address",
                             fix: "Check the host name; webhooks must reach a public address.")
        case .refused(let address, let kind):
            throw InputError(field: field, value: value, problem: "resolves to \(address), \(kind.phrase)",
                             fix: "Webhooks must reach a public address: give one on the internet. A deployment whose "
                                + "receivers are internal lists them with cordon serve --webhook-allow.")
        }
    }

    /// Every IPv4 and IPv6 address getaddrinfo gives for `host`; empty when it gives none.
    static func resolve(_ host: String) async throws -> [WebhookAddress] {
        try await offPool {
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            #else
            hints.ai_socktype = SOCK_STREAM
            #endif
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
            defer { freeaddrinfo(first) }
            var found: [WebhookAddress] = []
            var cursor: UnsafeMutablePointer<addrinfo>? = first
            while let entry = cursor {
                if let socket = entry.pointee.ai_addr {
                    switch entry.pointee.ai_family {
                    case AF_INET:
                        socket.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                            var address = pointer.pointee.sin_addr
                            if let value = WebhookAddress(bytes: withUnsafeBytes(of: &address) { Array($0) }) { found.append(value) }
                        }
                    case AF_INET6:
                        socket.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                            var address = pointer.pointee.sin6_addr
                            if let value = WebhookAddress(bytes: withUnsafeBytes(of: &address) { Array($0) }) { found.append(value) }
                        }
                    default: break
                    }
                }
                cursor = entry.pointee.ai_next
            }
            var unique: [WebhookAddress] = []
            for address in found where !unique.contains(address) { unique.append(address) }
            return unique
        }
    }
}
