import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Places given instead of coordinates: names, ids and British National Grid references.
@Suite struct PlaceTests {
    @Test(arguments: [
        ("TQ 33238 81305", 533_238.0, 181_305.0), ("tq3323881305", 533_238, 181_305), ("TQ 332 813", 533_250, 181_350),
        ("TQ 3 8", 535_000, 185_000), ("533238,181305", 533_238, 181_305), ("533238 181305", 533_238, 181_305),
        ("533238.5, 181305.25", 533_238.5, 181_305.25),
    ])
    func gridReferencesNameTheirPoint(_ text: String, _ easting: Double, _ northing: Double) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let place = try await registry.resolvePlace(text)
        #expect(place.building == nil)
        #expect(abs(place.grid.easting - easting) < 1e-6 && abs(place.grid.northing - northing) < 1e-6, "\(place.grid)")
    }

    @Test func gridReferencesAreWrittenToTheMetre() {
        #expect(GridReference.text(GridPoint(easting: 533_238.7, northing: 181_305.2)) == "TQ 33238 81305")
        #expect(GridReference.text(GridPoint(easting: 412_300, northing: 145_600)) == "SU 12300 45600")
        #expect(GridReference.text(GridPoint(easting: 326_000, northing: 674_000)) == "NT 26000 74000")
    }

    @Test(arguments: [
        ("SU 123 456", "place: lies where the registry has no building data: its buildings span TQ "),
        ("TQ 3323 813", "place: has 7 digits after the square's letters (got 'TQ 3323 813'). Give as many easting digits as northing digits (2 to 10 in all), e.g. TQ 33238 81305."),
        ("II 123 456", "place: names no 100 km square of the British National Grid (got 'II 123 456'). Check the two letters: the City of London lies in square TQ, e.g. TQ 33238 81305."),
    ])
    func badGridReferencesAreRefused(_ text: String, _ start: String) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let error = await #expect(throws: InputError.self) { try await registry.resolvePlace(text) }
        #expect(error?.description.hasPrefix(start) == true, "\(error?.description ?? "")")
    }

    @Test func aGridReferenceGivesTheSameAnswerAsItsLatitudeAndLongitude() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let (byGrid, place) = try await registry.radiusQuery(latitude: nil, longitude: nil, place: "TQ 33238 81305", radius: "100")
        let geo = try #require(CoordinateTransformer.shared.toGeo(GridPoint(easting: 533_238, northing: 181_305)))
        let byLatLon = try RadiusQuery(latitude: geo.latitude, longitude: geo.longitude, radius: 100)
        #expect(place?.position == geo)
        let at = try LookupTime.parse("2026-11-23T10:00:00Z")
        let a = try await registry.near(byGrid, at: at, now: at), b = try await registry.near(byLatLon, at: at, now: at)
        #expect(a.matches.map(\.id) == b.matches.map(\.id))
        #expect(a.matches.map(\.distance) == b.matches.map(\.distance))
        #expect(a.totals == b.totals)
        #expect(a.matches.count > 10)
    }

    @Test func aNameOneBuildingHasIsThatBuilding() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        for text in ["30 St Mary Axe", "30 saint mary axe", "way/4959489", "EC3A 8EP"] {
            let place = try await registry.resolvePlace(text)
            #expect(place.building?.id == "way/4959489", "\(text)")
        }
        #expect(try await registry.resolvePlace("Liverpool Street").building?.id == "way/4959629")
    }

    @Test func anAmbiguousPlaceIsRefusedWithItsCandidates() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let error = await #expect(throws: AmbiguousPlace.self) { try await registry.resolvePlace("mary axe", field: "--place") }
        let ids = error?.candidates.map(\.id) ?? []
        #expect(ids.first == "way/4959489")
        #expect(ids.count == 6, "\(ids)")
        #expect(Set(ids).count == ids.count)
        #expect(error?.description.hasPrefix("--place: 'mary axe' names 6 buildings.") == true, "\(error?.description ?? "")")
        // Buildings that share one name exactly are ambiguous too.
        let greggs = await #expect(throws: AmbiguousPlace.self) { try await registry.resolvePlace("greggs") }
        #expect(greggs?.candidates.count == 2)
        #expect(greggs?.candidates.allSatisfy { $0.label == "Greggs" } == true)
        let nowhere = await #expect(throws: InputError.self) { try await registry.resolvePlace("Nowhere Street Palace") }
        #expect(nowhere?.description.hasPrefix("place: names no building the registry holds (got 'Nowhere Street Palace').") == true)
    }

    @Test func placeAndCoordinatesTogetherAreRefused() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let error = await #expect(throws: InputError.self) {
            try await registry.radiusQuery(latitude: "51.5", longitude: "-0.08", place: "30 St Mary Axe", radius: "100")
        }
        #expect(error?.description == "place: is given together with coordinates (got '30 St Mary Axe' with lat/lon). Give either place or lat and lon, not both.")
    }
}
