import Foundation
import GRDB
import Testing
@testable import CordonCore
import CordonTestSupport

/// The server's in-memory radius lookups: the same answers as SQL, and never behind the
/// database by more than the documented interval.
@Suite struct RadiusIndexTests {
    let day = try! LookupTime.parse("2026-06-01T12:00:00+01:00")
    let night = try! LookupTime.parse("2026-06-01T23:30:00+01:00")

    @Test func theFixtureCircleFromMemoryMatchesTheHandCheckedAnswers() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory).withRadiusIndex()
        let index = try #require(registry.radiusIndex)
        let result = try await registry.near(GridFixture.centreQuery(100), at: day)
        #expect(result.matches.map(\.id) == ["fixture/centre", "fixture/half-in", "fixture/at-radius"])
        let distances = result.matches.compactMap(\.distance)
        #expect(distances.count == 3 && zip(distances, [0, 99.5, 100]).allSatisfy { abs($0 - $1) < 0.001 }, "\(distances)")
        #expect(result.totals.occupancy == 150 && result.totals.guards == 6 && result.totals.receptionCapacity == 50)
        #expect(try await registry.near(GridFixture.centreQuery(100.4), at: day).matches.map(\.id).contains("fixture/half-out") == false)
        #expect(try await registry.near(GridFixture.centreQuery(100.5), at: day).matches.map(\.id)
                == ["fixture/centre", "fixture/half-in", "fixture/at-radius", "fixture/half-out"])
        let totals = try await registry.nearTotals(GridFixture.centreQuery(500), at: night).totals
        #expect(totals.buildings == 5 && totals.buildingsWithFigures == 4)
        #expect(index.lookupsAnswered == 4)
        #expect(index.loads == 1)
    }

    /// Random circles over the whole City at several radii: the same ids in the same order,
    /// the same distances and the same totals as the SQL lookup.
    @Test func everyBundledAnswerEqualsTheSQLAnswer() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let snapshot = try await registry.database.read { db in try RadiusSnapshot.load(db) }
        #expect(snapshot.buildings.count == 1_322)
        var random = SplitMix64(seed: 0x1322)  // fixed, so that a failing circle can be run again
        var compared = 0, found = 0
        for radius in [10.0, 50, 200, 400, 1_000] {
            for _ in 0..<60 {
                let query = try RadiusQuery(latitude: Double.random(in: 51.5095...51.5200, using: &random),
                                            longitude: Double.random(in: -0.1100 ... -0.0730, using: &random), radius: radius)
                let sql = try await registry.database.read { db in try Registry.matches(near: query, in: db) }
                let memory = snapshot.matches(near: query)
                #expect(memory.map(\.id) == sql.map(\.id), "\(query)")
                for (a, b) in zip(memory, sql) {
                    #expect(abs(a.distance! - b.distance!) < 1e-9, "\(a.id): \(a.distance!) vs \(b.distance!)")
                    #expect(a.figures == b.figures && a.footprintGeoJSON == b.footprintGeoJSON && a.name == b.name)
                }
                let period = Period.day
                let cutoffs = StalenessPolicy.standard.cutoffs(at: day)
                // Rendered ahead or as it goes, the text is the same.
                let fromMemory = LookupResult(shape: .radius(query), at: day, period: period, cutoffs: cutoffs, matches: memory)
                let fromSQL = LookupResult(shape: .radius(query), at: day, period: period, cutoffs: cutoffs, matches: sql)
                #expect(fromMemory.geoJSON() == fromSQL.geoJSON() && fromMemory.json() == fromSQL.json())
                let sqlTotals = try await registry.nearTotals(query, at: day, now: day).totals
                #expect(snapshot.totals(near: query, period: period, cutoffs: cutoffs) == sqlTotals, "\(query)")
                compared += 1
                found += sql.count
            }
        }
        #expect(compared == 300)
        #expect(found > 3_000, "the random circles should find buildings: \(found)")
    }

    @Test func aWriteThroughTheRegistryIsSeenByTheNextLookup() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory).withRadiusIndex(recheckInterval: .seconds(3_600))
        let index = try #require(registry.radiusIndex)
        #expect(try await registry.near(GridFixture.centreQuery(100), at: day).totals.occupancy == 150)
        let current = try #require(try await registry.near(GridFixture.centreQuery(100), at: day).matches.first { $0.id == "fixture/centre" }?.figures)
        _ = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.occupancyDay: 1_000]),
                                            expectedVersion: current.version, actor: .localOperator(user: "test"))
        // The copy is behind now: this lookup is answered in SQL while a new copy is read.
        #expect(try await registry.near(GridFixture.centreQuery(100), at: day).totals.occupancy == 1_050)
        try await waitUntil { index.loads == 2 }
        let answered = index.lookupsAnswered
        #expect(try await registry.near(GridFixture.centreQuery(100), at: day).totals.occupancy == 1_050)
        #expect(try await registry.nearTotals(GridFixture.centreQuery(100), at: day).totals.occupancy == 1_050)
        #expect(index.lookupsAnswered == answered + 2)
    }

    @Test func aWriteByAnotherProcessIsSeenOnceTheRecheckIntervalHasPassed() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory).withRadiusIndex(recheckInterval: .milliseconds(50))
        let index = try #require(registry.radiusIndex)
        #expect(try await registry.near(GridFixture.centreQuery(100), at: day).totals.occupancy == 150)
        // Another connection, as the command line would write it: the registry hears nothing.
        let other = try DatabaseQueue(path: registry.database.path)
        try await other.write { db in
            try db.execute(sql: "UPDATE site_figures SET occupancy_day = 2000, version = version + 1 WHERE building_id = 'fixture/centre'")
        }
        try await Task.sleep(for: .milliseconds(60))
        #expect(try await registry.near(GridFixture.centreQuery(100), at: day).totals.occupancy == 2_050)
        try await waitUntil { index.loads == 2 }
        #expect(try await registry.near(GridFixture.centreQuery(100), at: day).totals.occupancy == 2_050)
        // A building's own details are part of the copy too.
        try await other.write { db in
            try db.execute(sql: "UPDATE buildings SET name = 'Renamed' WHERE id = 'fixture/half-in'")
        }
        try await Task.sleep(for: .milliseconds(60))
        #expect(try await registry.near(GridFixture.centreQuery(100), at: day).matches.first { $0.id == "fixture/half-in" }?.name == "Renamed")
    }

    @Test func withoutAWriteTheCopyIsKeptAndRecheckedCheaply() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory).withRadiusIndex(recheckInterval: .zero)
        let index = try #require(registry.radiusIndex)
        for _ in 0..<20 { _ = try await registry.near(GridFixture.centreQuery(200), at: day) }
        // Audit or alert writes leave the lookup revision alone, so the copy stays.
        _ = try await registry.createOrganisation(id: "acme", name: "Acme", role: .firm, actor: .localOperator(user: "test"))
        _ = try await registry.near(GridFixture.centreQuery(200), at: day)
        #expect(index.loads == 1)
        #expect(index.lookupsAnswered == 21)
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition())
    }
}
