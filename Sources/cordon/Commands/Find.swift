import ArgumentParser
import CordonCore

struct Find: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Buildings by name, address, postcode, ward or id, each with a point to centre a cordon on.",
        discussion: """
            Every word matches as a prefix; case, accents and St/Street do not matter; exact names come first. \
            Example: cordon find "st mary axe", cordon find "EC3A 8EP".
            """)

    @Argument(help: "What to search for, at most 200 characters.") var text: String
    @Option(help: "At most this many results, 1-50.") var limit = PlaceSearchLimits.defaultResults
    @Option(help: "table or json.") var format: Format = .table
    @OptionGroup var registry: RegistryOptions

    enum Format: String, ExpressibleByArgument { case table, json }

    func run() async throws {
        let found = try await registry.open().search(text, limit: limit, field: "TEXT")
        switch format {
        case .json:
            print(JSONText.object([("query", JSONText.quoted(text)),
                                   ("results", "[" + found.map { $0.json() }.joined(separator: ",") + "]")]))
        case .table:
            var table = TextTable(header: ["id", "building", "postcode", "ward", "lat", "lon", "grid reference"])
            for candidate in found {
                table.rows.append([candidate.id, TextTable.clip(candidate.label, 60), candidate.postcode ?? "", candidate.ward ?? "",
                                   JSONText.number(candidate.position.latitude, decimals: 6),
                                   JSONText.number(candidate.position.longitude, decimals: 6), GridReference.text(candidate.grid)])
            }
            print(found.isEmpty ? "No building matches '\(text)'.\n" : table.render(), terminator: "")
        }
    }
}
