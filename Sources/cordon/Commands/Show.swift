import ArgumentParser
import CordonCore

struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Everything held about one building.")

    @Argument(help: "The building id, e.g. way/4959489.") var id: String
    @Option(name: .long, help: "table or json.") var format: ShowFormat = .table
    @OptionGroup var registry: RegistryOptions

    enum ShowFormat: String, ExpressibleByArgument { case table, json }

    func run() async throws {
        let record = try await registry.open().building(id: id)
        switch format {
        case .table: print(BuildingTable.render(record), terminator: "")
        case .json: print(record.json())
        }
    }
}
