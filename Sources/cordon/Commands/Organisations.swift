import ArgumentParser
import CordonCore

struct Organisations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Organisations and the buildings firms manage.",
        subcommands: [Create.self, List.self, Assign.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an organisation.")
        @Argument(help: "Its id: 2-40 lower-case letters, digits and hyphens, e.g. acme-security.") var id: String
        @Option(help: "Its name.") var name: String
        @Option(help: "admin, commander, planner or firm.") var role: String
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let role = try Role.parse(role, field: "--role")
            let organisation = try await registry.open().createOrganisation(id: id, name: name, role: role, actor: localActor)
            print("created organisation \(organisation.id) (\(organisation.role.rawValue)): \(organisation.name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations.")
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let all = try await registry.open().organisations(actor: localActor)
            var table = TextTable(header: ["id", "role", "buildings", "active keys", "name"])
            table.numeric = [2, 3]
            for organisation in all {
                table.rows.append([organisation.id, organisation.role.rawValue, "\(organisation.buildings)",
                                   "\(organisation.activeKeys)", organisation.name])
            }
            print(table.render(), terminator: "")
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a firm the manager of buildings.")
        @Option(help: "The firm's organisation id.") var org: String
        @Option(name: .customLong("building"), parsing: .upToNextOption, help: "Building ids.") var buildings: [String]
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let count = try await registry.open().assign(buildingIDs: buildings, to: org, actor: localActor)
            print("\(org) now manages \(count) more building(s)")
        }
    }
}
