import Foundation
import Testing
@testable import CordonCore
import CordonTestSupport

@Suite struct BadInputTests {
    struct RadiusCase: Sendable, CustomTestStringConvertible {
        let lat: String?, lon: String?, radius: String?
        let field: String, problem: String
        var testDescription: String { "lat=\(lat ?? "nil") lon=\(lon ?? "nil") radius=\(radius ?? "nil")" }
    }

    static let radiusCases: [RadiusCase] = [
        .init(lat: "51.5144", lon: "-0.0803", radius: "0", field: "radius", problem: "is out of range"),
        .init(lat: "51.5144", lon: "-0.0803", radius: "-5", field: "radius", problem: "is out of range"),
        .init(lat: "51.5144", lon: "-0.0803", radius: "5000.5", field: "radius", problem: "is out of range"),
        .init(lat: "51.5144", lon: "-0.0803", radius: "inf", field: "radius", problem: "is out of range"),
        .init(lat: "51.5144", lon: "-0.0803", radius: "nan", field: "radius", problem: "is out of range"),
        .init(lat: "51.5144", lon: "-0.0803", radius: "ten", field: "radius", problem: "is not a number"),
        .init(lat: "51.5144", lon: "-0.0803", radius: nil, field: "radius", problem: "is missing"),
        .init(lat: "91", lon: "-0.0803", radius: "100", field: "lat", problem: "is not a latitude"),
        .init(lat: "nan", lon: "-0.0803", radius: "100", field: "lat", problem: "is not a latitude"),
        .init(lat: "", lon: "-0.0803", radius: "100", field: "lat", problem: "is missing"),
        .init(lat: "51.5144", lon: "-181", radius: "100", field: "lon", problem: "is not a longitude"),
        .init(lat: "51.5144", lon: "east", radius: "100", field: "lon", problem: "is not a number"),
        .init(lat: "-0.0803", lon: "51.5144", radius: "100", field: "lat/lon", problem: "lies outside Great Britain, where the registry has no buildings"),
    ]

    @Test(arguments: radiusCases)
    func radiusInputIsRefusedNamingTheField(_ input: RadiusCase) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let before = try await fingerprint(registry.database)
        let error = #expect(throws: InputError.self) {
            try RadiusQuery.parse(latitude: input.lat, longitude: input.lon, radius: input.radius)
        }
        #expect(error?.field == input.field)
        #expect(error?.problem == input.problem)
        #expect(error?.description.contains("Give") == true || error?.description.contains("Check") == true)
        #expect(try await fingerprint(registry.database) == before)
    }

    struct AreaCase: Sendable, CustomTestStringConvertible {
        let name: String, body: String, kind: InputError.Kind, problemStart: String
        var testDescription: String { name }
    }

    static let areaCases: [AreaCase] = [
        .init(name: "empty", body: "  \n", kind: .invalidParameter, problemStart: "is empty"),
        .init(name: "not JSON", body: "{\"type\": \"Polygon\",", kind: .invalidParameter, problemStart: "is not valid JSON"),
        .init(name: "a point", body: #"{"type":"Point","coordinates":[-0.08,51.51]}"#, kind: .invalidGeometry, problemStart: "is not a Polygon or MultiPolygon (got Point)"),
        .init(name: "a line", body: #"{"type":"LineString","coordinates":[[-0.08,51.51],[-0.07,51.51]]}"#, kind: .invalidGeometry, problemStart: "is not a Polygon or MultiPolygon (got LineString)"),
        .init(name: "not closed", body: #"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.51],[-0.07,51.52],[-0.08,51.52]]]}"#, kind: .invalidGeometry, problemStart: "ring 0 of polygon 0 is not closed"),
        .init(name: "three positions", body: #"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.51],[-0.08,51.51]]]}"#, kind: .invalidGeometry, problemStart: "ring 0 of polygon 0 has 3 positions"),
        .init(name: "no rings", body: #"{"type":"Polygon","coordinates":[]}"#, kind: .invalidGeometry, problemStart: "has no coordinates"),
        .init(name: "bow-tie", body: #"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.52],[-0.07,51.51],[-0.08,51.52],[-0.08,51.51]]]}"#, kind: .invalidGeometry, problemStart: "is self-intersecting"),
        .init(name: "latitude out of range", body: #"{"type":"Polygon","coordinates":[[[-0.08,95],[-0.07,51.51],[-0.07,51.52],[-0.08,95]]]}"#, kind: .invalidGeometry, problemStart: "position [-0.08, 95.0] is out of range"),
        .init(name: "swapped axes", body: #"{"type":"Polygon","coordinates":[[[51.51,-0.08],[51.51,-0.07],[51.52,-0.07],[51.51,-0.08]]]}"#, kind: .invalidGeometry, problemStart: "position [51.51, -0.08] lies outside Great Britain"),
        .init(name: "two features", body: #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},{"type":"Feature","geometry":null}]}"#, kind: .invalidParameter, problemStart: "must hold exactly one feature"),
        .init(name: "feature without geometry", body: #"{"type":"Feature","properties":{},"geometry":null}"#, kind: .invalidGeometry, problemStart: "has no geometry"),
        .init(name: "text coordinates", body: #"{"type":"Polygon","coordinates":[[["a","b"]]]}"#, kind: .invalidGeometry, problemStart: "is malformed"),
    ]

    @Test(arguments: areaCases)
    func polygonInputIsRefusedNamingTheField(_ input: AreaCase) throws {
        let error = #expect(throws: InputError.self) { try AreaQuery.parse(Data(input.body.utf8)) }
        #expect(error?.field == "polygon")
        #expect(error?.kind == input.kind)
        #expect(error?.problem.hasPrefix(input.problemStart) == true, "\(String(describing: error))")
        #expect(error?.fix.isEmpty == false)
    }

    @Test func aHoleOutsideItsShellIsRefusedByGEOSNotAnsweredEmpty() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let before = try await fingerprint(registry.database)
        let g = GridFixture.gridOrigin
        let outer = GridFixture.geoRing([(g.easting, g.northing), (g.easting + 50, g.northing),
                                         (g.easting + 50, g.northing + 50), (g.easting, g.northing + 50)])
        let hole = GridFixture.geoRing([(g.easting + 100, g.northing), (g.easting + 100, g.northing + 20),
                                        (g.easting + 120, g.northing + 20), (g.easting + 120, g.northing)])
        let query = try AreaQuery.parse(GridFixture.polygonJSON([outer, hole]))
        let error = await #expect(throws: InputError.self) { try await registry.within(query) }
        #expect(error?.kind == .invalidGeometry)
        #expect(error?.problem.hasPrefix("is not a valid polygon") == true)
        #expect(try await fingerprint(registry.database) == before)
    }

    @Test func badTimesAndDayHoursAreRefused() {
        let time = #expect(throws: InputError.self) { try LookupTime.parse("tomorrow") }
        #expect(time?.field == "at")
        let hours = #expect(throws: InputError.self) { try DayWindow.parse("19-07") }
        #expect(hours?.field == "day-hours")
    }
}
