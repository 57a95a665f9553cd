import CordonCore
import Foundation

/// A deterministic random source (SplitMix64): the same seed gives the same points and
/// buildings on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A lon/lat box to draw query points and buildings from.
struct Extent {
    let west: Double, south: Double, east: Double, north: Double

    /// The City's bounding box.
    static let city = Extent(west: -0.1138, south: 51.5069, east: -0.0727, north: 51.5233)
    /// About 45 x 35 km around central London: the size of Greater London (1,572 km²).
    static let greaterLondon = Extent(west: -0.45, south: 51.35, east: 0.20, north: 51.665)

    func randomPoint(_ random: inout SplitMix64) -> GeoPosition {
        GeoPosition(longitude: Double.random(in: west...east, using: &random),
                    latitude: Double.random(in: south...north, using: &random))
    }

    /// A rectangle as GeoJSON, `width` x `height` degrees, at a random place.
    func randomRectangle(_ random: inout SplitMix64, width: Double, height: Double) -> Data {
        let corner = randomPoint(&random)
        let (w, s, e, n) = (corner.longitude, corner.latitude, corner.longitude + width, corner.latitude + height)
        return Data("{\"type\":\"Polygon\",\"coordinates\":[[[\(w),\(s)],[\(e),\(s)],[\(e),\(n)],[\(w),\(n)],[\(w),\(s)]]]}".utf8)
    }
}

/// Generated building footprints: rotated rectangles of 6-40 m sides.
enum SyntheticCity {
    /// The closed ring (lon, lat) of footprint `index`, drawing from `random`.
    static func ring(extent: Extent, random: inout SplitMix64) -> [[Double]] {
        let metresPerDegreeLatitude = 111_200.0
        let centre = extent.randomPoint(&random)
        let metresPerDegreeLongitude = metresPerDegreeLatitude * cos(centre.latitude * .pi / 180)
        let halfWidth = Double.random(in: 3...20, using: &random)
        let halfDepth = Double.random(in: 3...20, using: &random)
        let angle = Double.random(in: 0..<(Double.pi / 2), using: &random)
        let corners = [(-halfWidth, -halfDepth), (halfWidth, -halfDepth), (halfWidth, halfDepth), (-halfWidth, halfDepth)]
        var ring = corners.map { dx, dy -> [Double] in
            let x = dx * cos(angle) - dy * sin(angle)
            let y = dx * sin(angle) + dy * cos(angle)
            return [centre.longitude + x / metresPerDegreeLongitude, centre.latitude + y / metresPerDegreeLatitude]
        }
        ring.append(ring[0])
        return ring
    }

    static func features(count: Int, extent: Extent, random: inout SplitMix64) -> [SourceFeature] {
        (0..<count).map { index in
            let ring = ring(extent: extent, random: &random)
            let feature = JSONValue.object([
                "type": .string("Feature"),
                "id": .string("synthetic/\(index)"),
                "properties": .object(["source_dataset": .string("synthetic")]),
                "geometry": .object([
                    "type": .string("Polygon"),
                    "coordinates": .array([.array(ring.map { .array([.number($0[0]), .number($0[1])]) })]),
                ]),
            ])
            return SourceFeature(location: "synthetic[\(index)]", index: index, dataset: "synthetic", json: .success(feature))
        }
    }

    /// The same footprints as a GeoJSON text sequence, one feature per line, written as they
    /// are generated (the file can be far larger than memory).
    static func writeSequence(count: Int, extent: Extent, random: inout SplitMix64, to handle: FileHandle) {
        var chunk = ""
        for index in 0..<count {
            let ring = ring(extent: extent, random: &random)
            let coordinates = ring.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",")
            chunk += "{\"type\":\"Feature\",\"id\":\"synthetic/\(index)\",\"properties\":{\"source_dataset\":\"synthetic\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coordinates)]]}}\n"
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
    }
}
