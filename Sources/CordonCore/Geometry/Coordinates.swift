/// A WGS84 position in degrees (GeoJSON order: longitude first).
public struct GeoPosition: Sendable, Hashable {
    public var longitude: Double
    public var latitude: Double
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// A British National Grid (EPSG:27700) point in metres.
public struct GridPoint: Sendable, Hashable {
    public var easting: Double
    public var northing: Double
    public init(easting: Double, northing: Double) {
        self.easting = easting
        self.northing = northing
    }
}

/// The area in which EPSG:27700 is defined (PROJ's area of use, rounded out). A position
/// outside it is almost always a typing error, most often latitude and longitude swapped.
enum NationalGridArea {
    static let longitudes = -9.01...2.92
    static let latitudes = 49.75...61.01

    static func contains(_ position: GeoPosition) -> Bool {
        longitudes.contains(position.longitude) && latitudes.contains(position.latitude)
    }
}
