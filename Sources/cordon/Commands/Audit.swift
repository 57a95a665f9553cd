import ArgumentParser
import CordonCore

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The append-only audit log.", subcommands: [Verify.self, List.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the whole hash chain; names the first broken row.")
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let result = try await registry.open().verifyAudit()
            if let broken = result.firstBroken {
                printError("audit log BROKEN at row \(broken.seq): \(broken.reason)")
                throw ExitCode(1)
            }
            print("audit log intact: \(result.rows) rows, every hash and link verified")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recent audit rows, newest first.")
        @Option(help: "Only rows about this building.") var building: String?
        @Option(help: "Only rows by or about this organisation.") var org: String?
        @Option(help: "How many rows.") var limit = 20
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let entries = try await registry.open().auditEntries(buildingID: building, organisationID: org, limit: limit)
            var table = TextTable(header: ["seq", "at", "actor", "channel", "action", "target"])
            table.numeric = [0]
            for entry in entries {
                table.rows.append(["\(entry.seq)", entry.at, entry.actor, entry.channel, entry.action, entry.targetID])
            }
            print(table.render(), terminator: "")
        }
    }
}
