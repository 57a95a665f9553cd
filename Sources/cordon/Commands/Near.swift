import ArgumentParser
import CordonCore

struct Near: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Buildings within a radius of a point, nearest first, with totals.",
        discussion: "A footprint that touches the circle counts. Example: cordon near --lat 51.5145 --lon -0.0803 --radius 200")

    // Text, not Double: the registry's own parser names the field, value and fix.
    @Option(name: .long, parsing: .unconditional, help: "Latitude of the centre, WGS84 degrees.") var lat: String
    @Option(name: .long, parsing: .unconditional, help: "Longitude of the centre, WGS84 degrees.") var lon: String
    @Option(name: .long, parsing: .unconditional, help: "Radius in metres, greater than 0 and at most 5000.") var radius: String
    @OptionGroup var lookup: LookupOptions
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let query = try RadiusQuery.parse(latitude: lat, longitude: lon, radius: radius)
        let instant = try lookup.instant()
        let result = try await registry.open().near(query, at: instant)
        print(lookup.render(result), terminator: "")
    }
}
