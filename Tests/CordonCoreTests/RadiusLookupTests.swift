import Foundation
import Testing
@testable import CordonCore
import CordonTestSupport

@Suite struct RadiusLookupTests {
    let day = try! LookupTime.parse("2026-06-01T12:00:00+01:00")
    let night = try! LookupTime.parse("2026-06-01T23:30:00+01:00")

    @Test func includesFootprintsInsideAndExactlyOnTheCircleNearestFirst() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let result = try await registry.near(GridFixture.centreQuery(100), at: day)
        #expect(result.matches.map(\.id) == ["fixture/centre", "fixture/half-in", "fixture/at-radius"])
        let distances = result.matches.compactMap(\.distance)
        #expect(distances[0] == 0)
        #expect(abs(distances[1] - 99.5) < 0.001)
        #expect(abs(distances[2] - 100) < 0.001)
    }

    @Test func aFootprintHalfAMetreOutsideIsExcludedUntilTheRadiusReachesIt() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let justShort = try await registry.near(GridFixture.centreQuery(100.4), at: day)
        #expect(!justShort.matches.map(\.id).contains("fixture/half-out"))
        let reaching = try await registry.near(GridFixture.centreQuery(100.5), at: day)
        #expect(reaching.matches.map(\.id) == ["fixture/centre", "fixture/half-in", "fixture/at-radius", "fixture/half-out"])
    }

    @Test func dayAndNightTotals() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let byDay = try await registry.near(GridFixture.centreQuery(100), at: day)
        #expect(byDay.period == .day)
        #expect(byDay.totals == LookupTotals(byDay.matches, period: .day, cutoffs: byDay.cutoffs))
        #expect(byDay.totals.buildings == 3)
        #expect(byDay.totals.occupancy == 150)
        #expect(byDay.totals.guards == 6)
        #expect(byDay.totals.traumaPacks == 3)
        #expect(byDay.totals.firstAidKits == 8)
        #expect(byDay.totals.defibrillators == 1)
        #expect(byDay.totals.receptionCapacity == 50)
        #expect(!byDay.totals.demonstration)
        let byNight = try await registry.near(GridFixture.centreQuery(100), at: night)
        #expect(byNight.period == .night)
        #expect(byNight.totals.occupancy == 14)
        #expect(byNight.totals.guards == 2)
        #expect(byNight.totals.traumaPacks == 3)
    }

    @Test func buildingsWithoutFiguresAreCountedButAddNothing() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let result = try await registry.near(GridFixture.centreQuery(500), at: day)
        #expect(result.matches.map(\.id).contains("fixture/far"))
        #expect(result.totals.buildings == 5)
        #expect(result.totals.buildingsWithFigures == 4)
        #expect(result.totals.occupancy == 1150)
        #expect(result.matches.first { $0.id == "fixture/far" }?.figures == nil)
    }

    @Test func dayRunsFromSevenToSevenLondonTimeAcrossSummerTime() throws {
        let window = DayWindow.standard
        // 06:00Z in June is 07:00 in London (BST): day; 05:59Z is night.
        #expect(window.period(at: try LookupTime.parse("2026-06-01T06:00:00Z")) == .day)
        #expect(window.period(at: try LookupTime.parse("2026-06-01T05:59:00Z")) == .night)
        // In winter London is on GMT.
        #expect(window.period(at: try LookupTime.parse("2026-12-01T07:00:00Z")) == .day)
        #expect(window.period(at: try LookupTime.parse("2026-12-01T19:00:00Z")) == .night)
        // Without a zone the time is London local.
        #expect(window.period(at: try LookupTime.parse("2026-06-01T18:59")) == .day)
        let custom = try DayWindow.parse("08-18")
        #expect(custom.period(at: try LookupTime.parse("2026-12-01T07:30")) == .night)
    }

    @Test func theRadiusQueryGoesThroughTheSpatialIndex() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let plan = try await registry.database.queryPlan(.radius, arguments: ["x": 533_000.0, "y": 181_000.0, "reach": 100.0])
        #expect(plan.contains { $0.contains("SCAN idx_buildings_footprint VIRTUAL TABLE INDEX") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN b") || $0.contains("SCAN buildings") }, "\(plan)")
    }
}
