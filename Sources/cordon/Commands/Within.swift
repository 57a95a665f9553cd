import ArgumentParser
import CordonCore
import Foundation

struct Within: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Buildings intersecting a GeoJSON polygon, each marked full or partial, with totals.",
        discussion: "The file holds a Polygon or MultiPolygon in lon/lat, bare, in a Feature, or in a FeatureCollection of one.")

    @Option(name: .long, help: ArgumentHelp("GeoJSON file; - reads standard input.", valueName: "file"))
    var polygon: String
    @OptionGroup var lookup: LookupOptions
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let data: Data
        if polygon == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: polygon) else {
                throw InputError(field: "--polygon", value: polygon, problem: "cannot be read",
                                 fix: "Give the path of a GeoJSON file, or - to read standard input.")
            }
            data = contents
        }
        let query = try AreaQuery.parse(data, field: "--polygon")
        let instant = try lookup.instant()
        let result = try await registry.open().within(query, at: instant)
        print(lookup.render(result), terminator: "")
    }
}
