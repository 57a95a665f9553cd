import CordonCore
import CordonTestSupport
import Foundation
import GRDB
import Testing

@Suite struct FiguresWriteTests {
    let local = Actor.localOperator(user: "test")
    let firmA = Actor(organisationID: "firm-a", role: .firm, keyID: nil, channel: .http)
    let firmB = Actor(organisationID: "firm-b", role: .firm, keyID: nil, channel: .http)
    let police = Actor(organisationID: "police", role: .commander, keyID: nil, channel: .http)

    @Test func aFirmUpdatesItsOwnBuildingAndEveryChangeIsInTheHistory() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let now = try LookupTime.parse("2026-05-01T10:00:00Z")
        let written = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: 4, .traumaPacks: 2]),
                                                      expectedVersion: 1, actor: firmA, now: now)
        #expect(written.version == 2)
        #expect(written[.guardsDay] == ReportedFigure(value: 4, confirmedAt: "2026-05-01T10:00:00Z", confirmedBy: "firm-a"))
        // An unchanged value given again is confirmed, but makes no history row.
        #expect(written[.traumaPacks] == ReportedFigure(value: 2, confirmedAt: "2026-05-01T10:00:00Z", confirmedBy: "firm-a"))
        #expect(written[.occupancyDay]?.confirmedBy == "fixture")
        let history = try await registry.history(of: "fixture/centre", actor: firmA)
        let latest = try #require(history.first)
        #expect(latest.figure == "guards_day")
        #expect(latest.oldValue == 3)
        #expect(latest.newValue == 4)
        #expect(latest.changedAt == "2026-05-01T10:00:00Z")
        #expect(latest.changedBy == "firm-a")
        #expect(latest.channel == "http")
        #expect(history.filter { $0.figure == "trauma_packs" }.count == 1)
    }

    @Test func lookupsCarryEachFiguresOwnConfirmation() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        // guards_day and trauma_packs confirmed later and by another writer than the rest.
        _ = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: 6, .traumaPacks: 9]),
                                            expectedVersion: 1, actor: firmA, now: try LookupTime.parse("2026-07-01T09:30:00Z"))
        let stored = try #require(try await registry.figures(of: "fixture/centre", actor: local))
        let centre = GridFixture.geo(GridFixture.centre.easting, GridFixture.centre.northing)
        let near = try await registry.near(RadiusQuery(latitude: centre.latitude, longitude: centre.longitude, radius: 10))
        #expect(near.matches.first?.figures == stored)
        #expect(near.matches.first?.figures?[.guardsDay]?.confirmedBy == "firm-a")
        #expect(near.matches.first?.figures?[.guardsNight]?.confirmedBy == "fixture")
        let g = GridFixture.centre
        let square = GridFixture.geoRing([(g.easting - 20, g.northing - 20), (g.easting + 20, g.northing - 20),
                                          (g.easting + 20, g.northing + 20), (g.easting - 20, g.northing + 20)])
        let within = try await registry.within(AreaQuery.parse(GridFixture.polygonJSON([square])))
        #expect(within.matches.first { $0.id == "fixture/centre" }?.figures == stored)
    }

    @Test func staleVersionsConflictAndNothingChanges() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        _ = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: 5]), expectedVersion: 1, actor: firmA)
        let before = try await fingerprint(registry.database)
        let conflict = await #expect(throws: VersionConflict.self) {
            try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: 6]), expectedVersion: 1, actor: firmA)
        }
        #expect(conflict?.current?.version == 2)
        #expect(conflict?.current?[.guardsDay]?.value == 5)
        #expect(try await fingerprint(registry.database) == before)
    }

    @Test func firmsCannotTouchOtherFirmsBuildingsAndCommandersCannotWrite() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let before = try await fingerprint(registry.database)
        let refused = await #expect(throws: AccessDenied.self) {
            try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: 0]), expectedVersion: 1, actor: firmB)
        }
        #expect(refused?.reason == "organisation firm-b does not manage building fixture/centre")
        await #expect(throws: AccessDenied.self) { try await registry.figures(of: "fixture/centre", actor: firmB) }
        await #expect(throws: AccessDenied.self) { try await registry.site(of: "fixture/centre", actor: firmB) }
        await #expect(throws: AccessDenied.self) {
            try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: 0]), expectedVersion: 1, actor: police)
        }
        #expect(try await registry.site(of: "fixture/centre", actor: police).controlRoomPhone == "+44 20 7946 0001")
        #expect(try await fingerprint(registry.database) == before)
    }

    @Test func occupancyAboveTheDeclaredMaximumIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        _ = try await registry.updateSite(of: "fixture/centre", change: .object(["max_occupancy": .number(120)]), actor: firmA)
        let error = await #expect(throws: InputError.self) {
            try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.occupancyDay: 121]), expectedVersion: 1, actor: firmA)
        }
        #expect(error?.field == "occupancy_day")
        #expect(error?.problem == "is above building fixture/centre's declared maximum occupancy of 120")
        let accepted = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.occupancyDay: 120]), expectedVersion: 1, actor: firmA)
        #expect(accepted.value(.occupancyDay) == 120)
    }

    @Test func theFirstWriteOfABuildingWithoutFiguresMustBeComplete() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        _ = try await registry.assign(buildingIDs: ["fixture/far"], to: "firm-a", actor: local)
        #expect(try await registry.figures(of: "fixture/far", actor: firmA) == nil)
        let partial = await #expect(throws: InputError.self) {
            try await registry.writeFigures(of: "fixture/far", change: try FiguresChange(values: [.guardsDay: 1]), expectedVersion: 0, actor: firmA)
        }
        #expect(partial?.field == "occupancy_day")
        var all: [Figure: Int] = [:]
        for (index, figure) in Figure.allCases.enumerated() { all[figure] = index }
        let created = try await registry.writeFigures(of: "fixture/far", change: try FiguresChange(values: all), expectedVersion: 0, actor: firmA)
        #expect(created.version == 1)
        #expect(created.value(.receptionCapacity) == 7)
        #expect(!created.demonstration)
    }

    @Test func confirmMarksEveryFigureConfirmedAndClearsTheDemonstrationLabel() async throws {
        let directory = try TemporaryDirectory()
        let registry = Registry(database: try await RegistryDatabase.open(path: directory.path("c.sqlite")))
        let features = FeatureSource.read(try GridFixture.collection([GridFixture.feature(id: "way/1", rings: [GridFixture.square(minX: 533_000, minY: 181_000, size: 30)])]), name: "one.geojson")
        _ = try await registry.importFeatures(features, options: ImportOptions(demonstrationFigures: true))
        let demo = try #require(try await registry.figures(of: "way/1", actor: local))
        #expect(demo.demonstration)
        let now = try LookupTime.parse("2026-06-01T08:00:00Z")
        let confirmed = try await registry.confirmFigures(of: "way/1", expectedVersion: 1, actor: local, now: now)
        #expect(!confirmed.demonstration)
        #expect(confirmed.version == 2)
        #expect(Figure.allCases.allSatisfy { confirmed[$0]?.confirmedAt == "2026-06-01T08:00:00Z" && confirmed[$0]?.value == demo[$0]?.value })
    }

    @Test func badFigureValuesNameTheField() throws {
        let cases: [(String, String, String)] = [
            (#"{"guards_day": "4"}"#, "guards_day", "is not a whole number"),
            (#"{"guards_day": 1.5}"#, "guards_day", "is not a whole number"),
            (#"{"guards_day": true}"#, "guards_day", "is not a whole number"),
            (#"{"guards_day": null}"#, "guards_day", "is not a whole number"),
            (#"{"guards_day": -1}"#, "guards_day", "is out of range"),
            (#"{"guards_day": 501}"#, "guards_day", "is out of range"),
            (#"{"occupancy_day": 1e12}"#, "occupancy_day", "is out of range"),
            (#"{"guards": 4}"#, "guards", "is not a figure"),
            (#"{"guards_day": 4, "'; DROP TABLE buildings; --": 1}"#, "'; DROP TABLE buildings; --", "is not a figure"),
            (#"{}"#, "body", "names no figure"),
            (#"[1, 2]"#, "body", "is not a JSON object"),
        ]
        for (body, field, problem) in cases {
            let error = #expect(throws: InputError.self) {
                try FiguresChange.parse(try JSONValue.parse(Data(body.utf8)), complete: false)
            }
            #expect(error?.field == field, "\(body)")
            #expect(error?.problem == problem, "\(body)")
        }
        let incomplete = #expect(throws: InputError.self) {
            try FiguresChange.parse(try JSONValue.parse(Data(#"{"guards_day": 4}"#.utf8)), complete: true)
        }
        #expect(incomplete?.field == "occupancy_day")
        #expect(incomplete?.problem == "is missing")
    }
}
