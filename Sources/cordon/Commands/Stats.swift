import ArgumentParser
import CordonCore

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Counts, totals, data coverage and the oldest figures in the registry.")

    @Option(name: .long, help: "table or json.") var format: Show.ShowFormat = .table
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let stats = try await registry.open().stats()
        switch format {
        case .table: print(StatsTable.render(stats), terminator: "")
        case .json: print(stats.json())
        }
    }
}
