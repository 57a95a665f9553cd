import CordonCore
import Foundation
import Testing

/// Which webhook addresses are public, in every spelling a URL may give them.
@Suite struct WebhookAddressTests {
    /// Each host as written in a URL, the address the C library reads it as, and its kind.
    static let spellings: [(host: String, address: String, kind: WebhookAddress.Kind)] = [
        ("127.0.0.1", "127.0.0.1", .loopback),
        ("2130706433", "127.0.0.1", .loopback),
        ("0x7f000001", "127.0.0.1", .loopback),
        ("0X7F000001", "127.0.0.1", .loopback),
        ("0177.0.0.1", "127.0.0.1", .loopback),
        ("0177.0.0.01", "127.0.0.1", .loopback),
        ("127.1", "127.0.0.1", .loopback),
        ("127.0.1", "127.0.0.1", .loopback),
        ("0x7f.1", "127.0.0.1", .loopback),
        ("127.255.255.254", "127.255.255.254", .loopback),
        ("::1", "::1", .loopback),
        ("[::1]", "::1", .loopback),
        ("0:0:0:0:0:0:0:1", "::1", .loopback),
        ("::ffff:127.0.0.1", "::ffff:127.0.0.1", .loopback),
        ("[::ffff:7f00:1]", "::ffff:127.0.0.1", .loopback),
        ("::ffff:10.0.0.1", "::ffff:10.0.0.1", .private),
        ("169.254.169.254", "169.254.169.254", .linkLocal),
        ("0xa9fea9fe", "169.254.169.254", .linkLocal),
        ("fe80::1", "fe80::1", .linkLocal),
        ("[fe80::1%25eth0]", "fe80::1", .linkLocal),
        ("fe80::1%eth0", "fe80::1", .linkLocal),
        ("10.0.0.1", "10.0.0.1", .private),
        ("012.0.0.1", "10.0.0.1", .private),
        ("10.255.255.255", "10.255.255.255", .private),
        ("172.16.0.1", "172.16.0.1", .private),
        ("172.31.255.255", "172.31.255.255", .private),
        ("192.168.1.1", "192.168.1.1", .private),
        ("3232235777", "192.168.1.1", .private),
        ("fc00::1", "fc00::1", .private),
        ("fd12:3456::1", "fd12:3456::1", .private),
        ("100.64.0.1", "100.64.0.1", .sharedNAT),
        ("100.127.255.255", "100.127.255.255", .sharedNAT),
        ("224.0.0.1", "224.0.0.1", .multicast),
        ("239.255.255.250", "239.255.255.250", .multicast),
        ("ff02::1", "ff02::1", .multicast),
        ("0.0.0.0", "0.0.0.0", .unspecified),
        ("0", "0.0.0.0", .unspecified),
        ("::", "::", .unspecified),
        ("[::]", "::", .unspecified),
        ("255.255.255.255", "255.255.255.255", .broadcast),
        ("0xffffffff", "255.255.255.255", .broadcast),
        ("240.0.0.1", "240.0.0.1", .reserved),
        ("0.1.2.3", "0.1.2.3", .reserved),
        ("192.0.2.10", "192.0.2.10", .reserved),
        ("2001:db8::1", "2001:db8::1", .reserved),
        ("64:ff9b::7f00:1", "64:ff9b::7f00:1", .loopback),
        ("2002:7f00:1::1", "2002:7f00:1::1", .loopback),
        ("8.8.8.8", "8.8.8.8", .public),
        ("134744072", "8.8.8.8", .public),
        ("1.1.1.1", "1.1.1.1", .public),
        ("172.32.0.1", "172.32.0.1", .public),
        ("100.128.0.1", "100.128.0.1", .public),
        ("2a00:1450:4009:81f::200e", "2a00:1450:4009:81f::200e", .public),
        ("::ffff:8.8.8.8", "::ffff:8.8.8.8", .public),
    ]

    @Test(arguments: spellings.indices) func everySpellingOfAnAddressIsReadAsTheCLibraryReadsIt(index: Int) throws {
        let (host, address, kind) = Self.spellings[index]
        let parsed = try #require(WebhookAddress.numeric(host), "\(host) is an address")
        #expect(parsed.description == address, "\(host)")
        #expect(parsed.kind == kind, "\(host) is \(parsed.kind), expected \(kind)")
        #expect(parsed.isPublic == (kind == .public), "\(host)")
    }

    @Test func namesAndMalformedNumbersAreNotAddresses() {
        for host in ["alerts.example.com", "localhost", "1.2.3.4.5", "256.0.0.1", "1.256.0.1", "1.2.65536", "09.0.0.1",
                     "0x", "1..2", "", "4294967296", "0x1ffffffff", "::g", "1.2.3.4:80"] {
            #expect(WebhookAddress.numeric(host) == nil, "\(host)")
        }
    }

    @Test func aPublicOnlyPolicyRefusesEveryInternalSpellingWithTheAddressAndWhy() async throws {
        let policy = WebhookAddressPolicy.publicOnly
        for (host, address, kind) in Self.spellings where kind != .public {
            do {
                _ = try await policy.vet(host: host, value: "'http://\(host)/hook'")
                Issue.record("\(host) was allowed")
            } catch let error as InputError {
                #expect(error.field == "url")
                #expect(error.value == "'http://\(host)/hook'")
                #expect(error.problem == "resolves to \(address), \(kind.phrase)")
                #expect(error.fix.contains("public address"))
                #expect(error.fix.contains("--webhook-allow"))
            }
        }
        #expect(try await policy.vet(host: "0x08080808", value: "v") == [WebhookAddress(ipv4: 0x0808_0808)])
    }

    @Test func aHostNameIsResolvedAndEveryAddressChecked() async throws {
        do {
            _ = try await WebhookAddressPolicy.publicOnly.vet(host: "localhost", value: "'http://localhost:9/hook'")
            Issue.record("localhost was allowed")
        } catch let error as InputError {
            #expect(error.problem.hasPrefix("resolves to "), "\(error)")
            #expect(error.problem.hasSuffix(", a loopback address"), "\(error)")
        }
        #expect(try await WebhookAddressPolicy.publicOnly.check(host: "no-such-host.invalid") == .unresolved)
    }

    @Test func theAllowListAdmitsNamedHostsAddressesAndNetworksOnly() async throws {
        let policy = try WebhookAddressPolicy(allowing: ["127.0.0.1", "10.20.0.0/16", "fd00::/8", "Hooks.Internal", " "])
        #expect(policy.allowedNames == ["hooks.internal"])
        #expect(policy.allowedNetworks.map(\.description) == ["127.0.0.1/32", "10.20.0.0/16", "fd00::/8"])
        for host in ["127.0.0.1", "2130706433", "127.1", "::ffff:127.0.0.1", "10.20.3.4", "[fd00::5]"] {
            #expect(try await policy.check(host: host) == .allowed([try #require(WebhookAddress.numeric(host))]), "\(host)")
        }
        for (host, kind) in [("127.0.0.2", WebhookAddress.Kind.loopback), ("10.21.0.1", .private), ("::1", .loopback), ("fc00::1", .private)] {
            #expect(try await policy.check(host: host) == .refused(try #require(WebhookAddress.numeric(host)), kind), "\(host)")
        }
        #expect(policy.allows(name: "HOOKS.internal"))
        #expect(!policy.allows(name: "other.internal"))
        // localhost is not listed by name, and its address 127.0.0.1 is: allowed.
        if case .allowed = try await policy.check(host: "localhost") {} else { Issue.record("localhost resolves to 127.0.0.1, which is listed") }
    }

    @Test func aBadAllowListEntryIsAnInputErrorNamingTheFlag() {
        for (entry, problem) in [("10.0.0.0/33", "has a prefix length that is not 0 to 32"), ("::/129", "has a prefix length that is not 0 to 128"),
                                 ("http://x/", "is not a host name, an address or a network"), ("host/8", "is not a host name, an address or a network")] {
            #expect(throws: InputError(field: "CORDON_WEBHOOK_ALLOW", value: "'\(entry)'", problem: problem,
                                       fix: entry.contains("/") && problem.hasPrefix("has")
                                           ? "Give a network like 10.20.0.0/16 or fd00::/8, an address, or a host name."
                                           : "Give a host name (hooks.internal), an address (10.20.0.5) or a network (10.20.0.0/16).")) {
                _ = try WebhookAddressPolicy(allowing: [entry], field: "CORDON_WEBHOOK_ALLOW")
            }
        }
    }
}
