import CordonCore
import CordonTestSupport
import Foundation
import GRDB
import Testing

/// A hand-checkable plan on a line (all centroids at northing 181000 unless noted):
///   D1 at x 535000: 40 people by day, 100 at night (inside the 40 m cordon around x 535000)
///   D2 at x 535020: 40 by day, 100 at night (inside)
///   I  at x 535000, y 181030: reception 500 but INSIDE the cordon (footprint 25 m away): never used; 0 by day, 10 at night
///   H  at x 535100: reception 40   (D1 100 m, D2 80 m, I 104.4 m)
///   S  at x 534800: reception 100  (D1 200 m, D2 220 m, I 202.2 m)
///   F  at x 536500: reception 1000, 1,455 m beyond the cordon's edge: only ever a further centre
/// Greedy nearest-first by day: D1 -> H 40 x 100, D2 -> S 40 x 220: 12,800 person-metres.
/// Optimum by day: D2 -> H 40 x 80 = 3,200 and D1 -> S 40 x 200 = 8,000: 11,200.
/// At night 210 people meet 140 places: fill H with D2 (40 x 80) and S with D1 (100 x 200)
/// = 23,200; 70 unplaced (D2 60, I 10); F is the further centre that would cover them.
@Suite struct ReceptionPlanTests {
    static let day = try! LookupTime.parse("2026-06-01T12:00:00+01:00")
    static let night = try! LookupTime.parse("2026-06-01T23:00:00+01:00")
    static let cx = 535_000.0, cy = 181_000.0

    static let buildings: [(id: String, x: Double, y: Double, dayPeople: Int, nightPeople: Int, reception: Int)] = [
        ("plan/d1", cx, cy, 40, 100, 0),
        ("plan/d2", cx + 20, cy, 40, 100, 0),
        ("plan/i", cx, cy + 30, 0, 10, 500),
        ("plan/h", cx + 100, cy, 0, 0, 40),
        ("plan/s", cx - 200, cy, 0, 0, 100),
        ("plan/f", cx + 1_500, cy, 0, 0, 1_000),
    ]

    /// `names` replaces a building's name (its id otherwise).
    static func registry(_ directory: TemporaryDirectory, names: [String: String] = [:]) async throws -> Registry {
        let path = directory.path("plan.sqlite")
        let registry = Registry(database: try await RegistryDatabase.open(path: path))
        let features = buildings.map {
            GridFixture.feature(id: $0.id, rings: [GridFixture.square(minX: $0.x - 5, minY: $0.y - 5)], properties: ["name": names[$0.id] ?? $0.id])
        }
        _ = try await registry.importFeatures(FeatureSource.read(try GridFixture.collection(features), name: "plan.geojson"))
        let insert = try #require(Query.all.first { $0.name == "figures/create" })
        try await DatabaseQueue(path: path).write { db in
            for building in buildings {
                var values: [Figure: Int] = [:]
                for figure in Figure.allCases { values[figure] = 1 }
                values[.occupancyDay] = building.dayPeople
                values[.occupancyNight] = building.nightPeople
                values[.receptionCapacity] = building.reception
                try db.execute(sql: insert.sql, arguments: FigureArguments.creating(
                    building.id, values: values, confirmedAt: "2026-05-01T00:00:00Z", confirmedBy: "fixture", demonstration: false, channel: "test"))
            }
        }
        return registry
    }

    static func cordon(radius: Double = 40) throws -> PlanCordon {
        let centre = GridFixture.geo(cx, cy)
        return .radius(try RadiusQuery(latitude: centre.latitude, longitude: centre.longitude, radius: radius))
    }

    func flows(_ plan: ReceptionPlan) -> [String] {
        plan.centres.flatMap { centre in centre.arrivals.map { "\($0.buildingID)->\(centre.id):\($0.people)" } }.sorted()
    }

    @Test func theOptimumBeatsGreedyAndACentreInsideTheCordonIsNeverUsed() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await Self.registry(directory)
        let plan = try await registry.receptionPlan(for: try Self.cordon(), at: Self.day)
        #expect(plan.displaced.map(\.id).sorted() == ["plan/d1", "plan/d2", "plan/i"])
        #expect(plan.displacedPeople == 80)
        #expect(plan.centres.map(\.id) == ["plan/h", "plan/s"])
        #expect(plan.centres.map(\.capacity) == [40, 100])
        #expect(flows(plan) == ["plan/d1->plan/s:40", "plan/d2->plan/h:40"])
        #expect(abs(plan.personMetres - 11_200) < 0.5)
        #expect(plan.personMetres < 12_800)  // greedy nearest-first, worked out above
        #expect(plan.assigned == 80)
        #expect(plan.shortfall == 0)
        #expect(plan.further.isEmpty)
        #expect(plan.centres.allSatisfy { $0.assigned <= $0.capacity })
        #expect(abs((plan.centres.first { $0.id == "plan/h" }?.distanceFromCordon ?? 0) - 55) < 0.01)
    }

    @Test func atNightTheShortfallIsExactAndFurtherCentresCoverIt() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await Self.registry(directory)
        let plan = try await registry.receptionPlan(for: try Self.cordon(), at: Self.night)
        #expect(plan.period == .night)
        #expect(plan.displacedPeople == 210)
        #expect(flows(plan) == ["plan/d1->plan/s:100", "plan/d2->plan/h:40"])
        #expect(abs(plan.personMetres - 23_200) < 0.5)
        #expect(plan.assigned == 140)
        #expect(plan.shortfall == 70)
        #expect(plan.further.map(\.id) == ["plan/f"])
        #expect(plan.centres.allSatisfy { $0.assigned <= $0.capacity })
    }

    @Test func anOuterCordonRemovesCentresInsideIt() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await Self.registry(directory)
        let plan = try await registry.receptionPlan(for: try Self.cordon(), outer: try Self.cordon(radius: 150), at: Self.day)
        #expect(plan.centres.map(\.id) == ["plan/s"])
        #expect(flows(plan) == ["plan/d1->plan/s:40", "plan/d2->plan/s:40"])
        #expect(abs(plan.personMetres - 16_800) < 0.5)
    }

    @Test func aCorridorSelectsTheBuildingsAlongItsRoute() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await Self.registry(directory)
        let west = GridFixture.geo(Self.cx - 10, Self.cy), east = GridFixture.geo(Self.cx + 30, Self.cy)
        let route = JSONValue.object(["type": .string("LineString"), "coordinates": .array([
            .array([.number(west.longitude), .number(west.latitude)]), .array([.number(east.longitude), .number(east.latitude)]),
        ])])
        let plan = try await registry.receptionPlan(for: try PlanCordon.corridor(route: route, width: 10), at: Self.day)
        #expect(plan.displaced.map(\.id).sorted() == ["plan/d1", "plan/d2"])
        // plan/i (30 m north of the route) is outside this corridor: it may now receive people.
        #expect(plan.centres.map(\.id).contains("plan/i"))

        // The map draws the corridor as a stroke as wide as the corridor: its drawn route is
        // 40 m long, so the stroke is a quarter of the route's drawn length (10 m of 40).
        let svg = ReceptionMap.svg(plan, footprints: try await registry.footprintOutlines())
        let band = try #require(svg.firstMatch(of: /<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)" fill="none" stroke="#d55e00" stroke-opacity="0.15" stroke-width="([\d.]+)"/))
        let drawnLength = hypot(Double(band.3)! - Double(band.1)!, Double(band.4)! - Double(band.2)!)
        #expect(abs(Double(band.5)! - drawnLength / 4) <= 0.2, "stroke \(band.5) for a route drawn \(drawnLength) long")
    }

    @Test func anEmptyCordonDisplacesNobody() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await Self.registry(directory)
        let nowhere = GridFixture.geo(Self.cx + 3_000, Self.cy + 3_000)
        let plan = try await registry.receptionPlan(for: .radius(try RadiusQuery(latitude: nowhere.latitude, longitude: nowhere.longitude, radius: 20)), at: Self.day)
        #expect(plan.displaced.isEmpty)
        #expect(plan.displacedPeople == 0)
        #expect(plan.assigned == 0)
        #expect(plan.shortfall == 0)
    }

    @Test func badParametersNameTheField() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await Self.registry(directory)
        let walk = await #expect(throws: InputError.self) { try await registry.receptionPlan(for: try Self.cordon(), walkingDistance: 0) }
        #expect(walk?.field == "walk_m")
        let spacing = await #expect(throws: InputError.self) { try await registry.coverage(radius: 200, spacing: 5) }
        #expect(spacing?.field == "spacing")
        let radius = await #expect(throws: InputError.self) { try await registry.coverage(radius: 0) }
        #expect(radius?.field == "radius")
        let noCity = await #expect(throws: InputError.self) { try await registry.coverage(radius: 200) }
        #expect(noCity?.field == "registry")
        let cases: [(String, String)] = [
            (#"{"type": "circle"}"#, "cordon.type"),
            (#"{"type": "radius", "lat": 51.5, "lon": -0.08}"#, "radius"),
            (#"{"type": "corridor", "route": {"type": "LineString", "coordinates": [[-0.08, 51.51]]}, "width_m": 300}"#, "cordon.route"),
            (#"{"type": "corridor", "route": {"type": "LineString", "coordinates": [[-0.08, 51.51], [-0.07, 51.51]]}, "width_m": 0}"#, "cordon.width_m"),
            (#"{"type": "polygon", "geometry": {"type": "Point", "coordinates": [-0.08, 51.51]}}"#, "cordon.geometry"),
        ]
        for (body, field) in cases {
            let error = #expect(throws: InputError.self) { try PlanCordon.parse(try JSONValue.parse(Data(body.utf8))) }
            #expect(error?.field == field, "\(body)")
        }
    }

    @Test func coverageOnTheBundledDataCountsEveryPointInTheCity() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let coverage = try await registry.coverage(radius: 200, spacing: 200, at: Self.day)
        // 80 cells of 200 x 200 m = 3.2 km², the City's 3.15 km² to the nearest cell.
        #expect(coverage.points.count == 80)
        #expect(coverage.points.allSatisfy { $0.shortfall == max(0, $0.displaced - $0.capacity) })
        #expect(coverage.points.contains { $0.shortfall > 0 })
        #expect(coverage.points.contains { $0.shortfall == 0 && $0.displaced > 0 })
        #expect(coverage.wards.reduce(0) { $0 + $1.points } == 80)
        // Each grid point agrees with a single plan's totals at the same place.
        let sample = try #require(coverage.points.first { $0.displaced > 0 })
        let plan = try await registry.receptionPlan(for: .radius(try RadiusQuery(latitude: sample.position.latitude, longitude: sample.position.longitude, radius: 200)), at: Self.day)
        #expect(plan.displacedPeople == sample.displaced)
        #expect(plan.capacityWithinWalk == sample.capacity)
        #expect(plan.shortfall == sample.shortfall)
        let svg = CoverageMap.svg(coverage, footprints: try await registry.footprintOutlines())
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("DEMONSTRATION FIGURES"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 >= 80)
    }
}
