import Foundation

/// A circle to search: a WGS84 centre and a radius in metres, checked at construction.
public struct RadiusQuery: Sendable, Equatable {
    public static let maximumRadius = 5_000.0
    /// A footprint within this distance of the circle counts as touching it: distances are
    /// computed in floating point after a lon/lat -> grid transformation (itself accurate
    /// to about 2 m), so an exact-equality test would be noise.
    public static let touchTolerance = 0.001

    public let centre: GeoPosition
    public let grid: GridPoint
    public let radius: Double

    public init(latitude: Double, longitude: Double, radius: Double,
                transformer: CoordinateTransformer = .shared) throws(InputError) {
        guard latitude.isFinite, (-90...90).contains(latitude) else {
            throw InputError(field: "lat", value: "\(latitude)", problem: "is not a latitude",
                             fix: "Give a latitude in degrees between -90 and 90, e.g. 51.5145.")
        }
        guard longitude.isFinite, (-180...180).contains(longitude) else {
            throw InputError(field: "lon", value: "\(longitude)", problem: "is not a longitude",
                             fix: "Give a longitude in degrees between -180 and 180, e.g. -0.0803.")
        }
        let centre = GeoPosition(longitude: longitude, latitude: latitude)
        guard NationalGridArea.contains(centre) else {
            throw InputError(field: "lat/lon", value: "\(latitude), \(longitude)",
                             problem: "lies outside Great Britain, where the registry has no buildings",
                             fix: "Check that latitude and longitude are not swapped (the City is near lat 51.51, lon -0.09).")
        }
        guard radius.isFinite, radius > 0, radius <= Self.maximumRadius else {
            throw InputError(field: "radius", value: Self.text(radius),
                             problem: "is out of range",
                             fix: "Give a radius in metres greater than 0 and at most 5000.")
        }
        guard let grid = transformer.toGrid(centre) else {
            throw InputError(field: "lat/lon", value: "\(latitude), \(longitude)",
                             problem: "cannot be placed on the British National Grid",
                             fix: "Give a position in Great Britain.")
        }
        self.centre = centre
        self.grid = grid
        self.radius = radius
    }

    /// Builds a query from text as it arrives from a command line or a URL.
    public static func parse(latitude: String?, longitude: String?, radius: String?,
                             transformer: CoordinateTransformer = .shared) throws(InputError) -> RadiusQuery {
        let lat = try number(latitude, field: "lat", example: "51.5145")
        let lon = try number(longitude, field: "lon", example: "-0.0803")
        let metres = try number(radius, field: "radius", example: "200")
        return try RadiusQuery(latitude: lat, longitude: lon, radius: metres, transformer: transformer)
    }

    /// A number given as text, or an error naming the field and an example.
    public static func number(_ text: String?, field: String, example: String) throws(InputError) -> Double {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(field: field, value: "nothing", problem: "is missing",
                             fix: "Give \(field) as a number, e.g. \(field)=\(example).")
        }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not a number",
                             fix: "Give \(field) as a decimal number, e.g. \(field)=\(example).")
        }
        return value
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
