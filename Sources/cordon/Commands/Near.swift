import ArgumentParser
import CordonCore

struct Near: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Buildings within a radius of a point, nearest first, with totals.",
        discussion: "A footprint that touches the circle counts. Example: cordon near --lat 51.5145 --lon -0.0803 --radius 200")

    // Text, not Double: the registry's own parser names the field, value and fix.
    @Option(name: .long, parsing: .unconditional, help: "Latitude of the centre, WGS84 degrees.") var lat: String?
    @Option(name: .long, parsing: .unconditional, help: "Longitude of the centre, WGS84 degrees.") var lon: String?
    @Option(name: .long, help: ArgumentHelp(
        "Centre on a place instead of --lat/--lon: a building's name, address or id (\"30 St Mary Axe\"), or a grid reference (\"TQ 33238 81305\", \"533238,181305\").",
        valueName: "place"))
    var place: String?
    @Option(name: .long, parsing: .unconditional, help: "Radius in metres, greater than 0 and at most 5000.") var radius: String
    @OptionGroup var lookup: LookupOptions
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let instant = try lookup.instant()
        let target = try await registry.open()
        let (query, resolved) = try await target.radiusQuery(latitude: lat, longitude: lon, place: place, radius: radius,
                                                             placeField: "--place")
        var result = try await target.near(query, at: instant)
        result.place = resolved
        print(lookup.render(result), terminator: "")
    }
}
