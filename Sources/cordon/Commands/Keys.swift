import ArgumentParser
import CordonCore

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "API keys for the HTTP service.", subcommands: [Create.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a key; it is printed once and only its hash is kept.")
        @Option(help: "The organisation the key acts for.") var org: String
        @Option(help: ArgumentHelp("When the key stops working (ISO 8601 date or time).", valueName: "date")) var expires: String?
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let expiry = try expires.map { text throws(InputError) in try LookupTime.parse(text.count == 10 ? text + "T00:00:00Z" : text, field: "--expires") }
            let key = try await registry.open().createKey(for: org, expiresAt: expiry, actor: localActor)
            print(key.secret)
            printError("key \(key.id) for \(key.organisationID)\(key.expiresAt.map { ", expires \($0)" } ?? ""): shown once, store it safely")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by its id (key_...).")
        @Argument(help: "The key id.") var id: String
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            try await registry.open().revokeKey(id: id, actor: localActor)
            print("revoked \(id)")
        }
    }
}
