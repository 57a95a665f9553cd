import ArgumentParser
import CordonCore

struct Stale: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Buildings whose figures need refreshing, by firm.")
    @Option(help: "Only this firm's buildings.") var org: String?
    @Option(name: .long, help: "table or json.") var format: Show.ShowFormat = .table
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let target = try await registry.open()
        let stale = try await target.staleBuildings(organisationID: org, actor: localActor)
        if format == .json {
            print("[" + stale.map { $0.json() }.joined(separator: ",") + "]")
            return
        }
        var table = TextTable(header: ["firm", "building", "name", "stale figures", "oldest confirmation"])
        for building in stale {
            table.rows.append([building.managedBy ?? "(no firm)", building.buildingID, TextTable.clip(building.name, 24),
                               building.stale.map(\.figure.rawValue).joined(separator: " "),
                               building.stale.map(\.confirmedAt).min() ?? ""])
        }
        print("\(stale.count) buildings with stale figures (live figures after \(JSONText.number(target.staleness.liveMaximumAge / 3_600)) h, equipment after \(JSONText.number(target.staleness.equipmentMaximumAge / 86_400)) days)")
        print(table.render(), terminator: "")
    }
}
