import ArgumentParser
import CordonCore

struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Everything held about one building.")

    @Argument(help: "The building id, e.g. way/4959489.") var id: String
    @Option(name: .long, help: "table or json.") var format: ShowFormat = .table
    @OptionGroup var registry: RegistryOptions

    enum ShowFormat: String, ExpressibleByArgument { case table, json }

    func run() async throws {
        let opened = try await registry.open()
        let record = try await opened.building(id: id)
        // The local operator may read everything, the site contact included.
        let site = try await opened.site(of: id, actor: localActor)
        switch format {
        case .table: print(BuildingTable.render(record, site: site), terminator: "")
        case .json: print(record.json(site: site))
        }
    }
}
