#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address a webhook host stands for, and what kind of network it belongs to.
/// Only public addresses may receive alerts: anything else would let a firm make the server
/// POST to itself or to machines behind its firewall.
public struct WebhookAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, network order.
    public let bytes: [UInt8]

    public enum Kind: String, Sendable, Equatable {
        case `public`, loopback, `private`, linkLocal, sharedNAT, multicast, unspecified, broadcast, reserved

        /// For messages: "resolves to 127.0.0.1, a loopback address".
        public var phrase: String {
            switch self {
            case .public: "a public address"
            case .loopback: "a loopback address"
            case .private: "a private address"
            case .linkLocal: "a link-local address"
            case .sharedNAT: "a shared (carrier-grade NAT) address"
            case .multicast: "a multicast address"
            case .unspecified: "an unspecified address"
            case .broadcast: "the broadcast address"
            case .reserved: "a reserved address"
            }
        }
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    public init(ipv4 value: UInt32) {
        bytes = [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    public var isIPv4: Bool { bytes.count == 4 }

    /// A host written as an address, in any spelling the C library accepts: IPv4 the way
    /// inet_aton reads it (2130706433, 0x7f000001, 0177.0.0.1, 127.1), IPv6 with or without
    /// brackets and a zone. Nil for a host name.
    public static func numeric(_ host: String) -> WebhookAddress? {
        var text = Substring(host)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if text.contains(":") {
            let withoutZone = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first ?? text
            var storage = in6_addr()
            guard inet_pton(AF_INET6, String(withoutZone), &storage) == 1 else { return nil }
            return WebhookAddress(bytes: withUnsafeBytes(of: &storage) { Array($0) })
        }
        return ipv4(text).map(WebhookAddress.init(ipv4:))
    }

    /// inet_aton's grammar: one to four parts, each decimal, octal (leading 0) or hex (0x);
    /// the last part fills the bytes the others leave.
    static func ipv4<S: StringProtocol>(_ text: S) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt64] = []
        for part in parts {
            var digits = Substring(part), radix: UInt64 = 10
            if digits.count > 1, digits.hasPrefix("0x") || digits.hasPrefix("0X") {
                digits = digits.dropFirst(2)
                radix = 16
            } else if digits.count > 1, digits.hasPrefix("0") {
                digits = digits.dropFirst()
                radix = 8
            }
            guard !digits.isEmpty, digits.count <= 32 else { return nil }
            var value: UInt64 = 0
            for character in digits {
                guard character.isASCII, let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
                value = value * radix + UInt64(digit)
                if value > UInt64(UInt32.max) { return nil }
            }
            values.append(value)
        }
        let last = values.removeLast()
        guard values.allSatisfy({ $0 <= 0xFF }), last < (UInt64(1) << (8 * (4 - values.count))) else { return nil }
        var result: UInt64 = 0
        for (index, value) in values.enumerated() { result |= value << (8 * (3 - index)) }
        return UInt32(result | last)
    }

    public var kind: Kind {
        if isIPv4 { return Self.kind(ipv4: bytes) }
        return Self.kind(ipv6: bytes)
    }

    private static func kind(ipv4 b: [UInt8]) -> Kind {
        switch (b[0], b[1], b[2], b[3]) {
        case (0, _, _, _): return b == [0, 0, 0, 0] ? .unspecified : .reserved
        case (10, _, _, _): return .private
        case (100, 64...127, _, _): return .sharedNAT
        case (127, _, _, _): return .loopback
        case (169, 254, _, _): return .linkLocal
        case (172, 16...31, _, _): return .private
        case (192, 0, 0, _), (192, 0, 2, _), (192, 88, 99, _): return .reserved
        case (192, 168, _, _): return .private
        case (198, 18...19, _, _), (198, 51, 100, _), (203, 0, 113, _): return .reserved
        case (224...239, _, _, _): return .multicast
        case (255, 255, 255, 255): return .broadcast
        case (240...255, _, _, _): return .reserved
        default: return .public
        }
    }

    private static func kind(ipv6 b: [UInt8]) -> Kind {
        let zeroPrefix = b[0..<10].allSatisfy { $0 == 0 }
        if zeroPrefix, b[10] == 0xFF, b[11] == 0xFF { return kind(ipv4: Array(b[12..<16])) }  // ::ffff:a.b.c.d
        if zeroPrefix, b[10] == 0, b[11] == 0 {
            if b[12..<15].allSatisfy({ $0 == 0 }) {
                if b[15] == 0 { return .unspecified }
                if b[15] == 1 { return .loopback }
            }
            return .reserved  // ::a.b.c.d, deprecated IPv4-compatible
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides.
        if b[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return kind(ipv4: Array(b[12..<16])) }
        if b[0] == 0x20, b[1] == 0x02 { return kind(ipv4: Array(b[2..<6])) }
        if b[0] == 0xFF { return .multicast }
        if b[0] == 0xFE, b[1] & 0xC0 == 0x80 { return .linkLocal }
        if b[0] == 0xFE, b[1] & 0xC0 == 0xC0 { return .private }  // site-local, deprecated
        if b[0] & 0xFE == 0xFC { return .private }  // unique local, fc00::/7
        // Only 2000::/3 is allocated for global unicast; within it, 2001::/23 (Teredo and
        // other protocol assignments) and 2001:db8::/32 (documentation) are not public.
        guard b[0] & 0xE0 == 0x20 else { return .reserved }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return .reserved }
        if b[0] == 0x20, b[1] == 0x01, b[2] & 0xFE == 0 { return .reserved }
        return .public
    }

    public var isPublic: Bool { kind == .public }

    /// Dotted quad, or RFC 5952 IPv6 text.
    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        var storage = in6_addr()
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: bytes) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard inet_ntop(AF_INET6, &storage, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when the first `prefix` bits equal those of `network` (same family).
    func isWithin(_ network: WebhookAddress, prefix: Int) -> Bool {
        guard bytes.count == network.bytes.count else { return false }
        var remaining = prefix
        for (mine, theirs) in zip(bytes, network.bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if mine & mask != theirs & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 one, so that an allow-list entry of
    /// 10.0.0.0/8 also covers ::ffff:10.0.0.1.
    var unmapped: WebhookAddress {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else { return self }
        return WebhookAddress(bytes: Array(bytes[12..<16])) ?? self
    }
}
