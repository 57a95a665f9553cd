import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Incidents over the grid fixture (see GridFixture): firm-a manages fixture/centre and
/// fixture/half-in, firm-b fixture/at-radius; fixture/half-out and fixture/far have no firm.
@Suite struct IncidentTests {
    let police = Actor(organisationID: "police", role: .commander, keyID: nil, channel: .http)
    let planner = Actor(organisationID: "resilience", role: .planner, keyID: nil, channel: .http)
    let firmA = Actor(organisationID: "firm-a", role: .firm, keyID: nil, channel: .http)

    static func draft(_ body: String, presets: CordonPresets = .standard) throws -> IncidentDraft {
        let json = try JSONValue.parse(Data(body.utf8))
        let (location, description) = try IncidentDraft.location(json["location"])
        return try IncidentDraft(name: json["name"]?.string ?? "", location: location, locationDescription: description,
                                 cordons: try IncidentCordons.parse(json, location: location, presets: presets))
    }

    /// The fixture's centre as a location member.
    static var centre: String {
        let point = GridFixture.geo(533_000, 181_000)
        return "{\"lat\": \(point.latitude), \"lon\": \(point.longitude), \"description\": \"fixture centre\"}"
    }

    @Test func zonesHoldEachBuildingOnceInItsInnermostZoneWithDistancesAndTotals() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let incident = try await registry.openIncident(try Self.draft("""
            {"name": "Rucksack at the centre", "location": \(Self.centre), "inner": {"preset": "rucksack"},
             "outer": {"type": "radius", "radius_m": 200}, "advisory": {"type": "radius", "radius_m": 500}}
            """), actor: police)
        #expect(incident.cordons.version == 1)
        #expect(incident.cordons.cordons.inner.preset == "rucksack")

        let zones = try await registry.zones(of: incident.id, at: try LookupTime.parse("2026-03-10T12:00:00Z"), actor: planner)
        #expect(zones.zones.map(\.zone) == [.inner, .outer, .advisory])
        #expect(zones.zones[0].result.matches.map(\.id) == ["fixture/centre", "fixture/half-in", "fixture/at-radius"])
        #expect(zones.zones[1].result.matches.map(\.id) == ["fixture/half-out"])
        #expect(zones.zones[2].result.matches.map(\.id) == ["fixture/far"])
        let distances = zones.zones[0].result.matches.map { (($0.distance ?? -1) * 10).rounded() / 10 }
        #expect(distances == [0, 99.5, 100])
        #expect(zones.zones[0].result.totals.occupancy == 150)
        #expect(zones.zones[0].result.totals.guards == 6)
        #expect(zones.zones[1].result.totals.occupancy == 1000)
        #expect(zones.zones[2].result.totals.buildingsWithFigures == 0)

        // Firms read their alerts through the feed, not the incident.
        await #expect(throws: AccessDenied.self) { _ = try await registry.zones(of: incident.id, actor: firmA) }
        await #expect(throws: AccessDenied.self) { _ = try await registry.openIncident(try Self.draft("""
            {"name": "x", "location": \(Self.centre), "inner": {"preset": "car"}}
            """), actor: planner) }
    }

    @Test func aCordonChangeAddsAVersionAndKeepsTheOldOne() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let opened = try await registry.openIncident(try Self.draft("""
            {"name": "Unexploded bomb", "location": \(Self.centre), "inner": {"type": "radius", "radius_m": 99}}
            """), actor: police, now: try LookupTime.parse("2026-02-23T09:00:00Z"))
        let grown = try await registry.changeCordons(
            of: opened.id, change: try JSONValue.parse(Data(#"{"inner": {"type": "radius", "radius_m": 101}, "outer": {"preset": "van"}}"#.utf8)),
            reason: "device larger than first reported", presets: .standard, actor: police, now: try LookupTime.parse("2026-02-23T11:30:00Z"))
        #expect(grown.cordons.version == 2)
        let history = try await registry.cordonHistory(of: opened.id, actor: planner)
        #expect(history.map(\.version) == [1, 2])
        #expect(history[1].reason == "device larger than first reported")
        #expect(history[1].changedAt == "2026-02-23T11:30:00Z")
        #expect(history[1].changedBy == "police")
        guard case .radius(let first) = history[0].cordons.inner.cordon, case .radius(let second) = history[1].cordons.inner.cordon else {
            Issue.record("radius cordons expected")
            return
        }
        #expect(first.radius == 99)
        #expect(second.radius == 101)
        let zones = try await registry.zones(of: opened.id, actor: planner)
        #expect(zones.zones[0].result.matches.map(\.id) == ["fixture/centre", "fixture/half-in", "fixture/at-radius", "fixture/half-out"])
        // fixture/far is 424 m away: outside the 400 m van preset.
        #expect(zones.zones[1].zone == .outer)
        #expect(zones.zones[1].result.matches.isEmpty)

        // A change that changes nothing, and removing the inner cordon, are refused.
        await #expect(throws: InputError.self) {
            _ = try await registry.changeCordons(of: opened.id, change: try JSONValue.parse(Data(#"{"outer": {"preset": "van"}}"#.utf8)),
                                                 reason: "test", presets: .standard, actor: police)
        }
        await #expect(throws: InputError.self) {
            _ = try await registry.changeCordons(of: opened.id, change: try JSONValue.parse(Data(#"{"inner": null}"#.utf8)),
                                                 reason: "test", presets: .standard, actor: police)
        }
        // A change without a reason is refused, naming the field.
        for reason in [nil, "", "  \n"] as [String?] {
            await #expect(throws: InputError.self) {
                _ = try await registry.changeCordons(of: opened.id, change: try JSONValue.parse(Data(#"{"inner": {"type": "radius", "radius_m": 120}}"#.utf8)),
                                                     reason: reason, presets: .standard, actor: police)
            }
            do {
                _ = try await registry.changeCordons(of: opened.id, change: try JSONValue.parse(Data(#"{"inner": {"type": "radius", "radius_m": 120}}"#.utf8)),
                                                     reason: reason, presets: .standard, actor: police)
            } catch let error as InputError {
                #expect(error.field == "reason")
            }
        }
        #expect(try await registry.cordonHistory(of: opened.id, actor: planner).count == 2)
        _ = try await registry.closeIncident(opened.id, actor: police)
        await #expect(throws: StateConflict.self) {
            _ = try await registry.changeCordons(of: opened.id, change: try JSONValue.parse(Data(#"{"outer": null}"#.utf8)),
                                                 reason: "test", presets: .standard, actor: police)
        }
    }

    @Test func corridorAndPolygonCordonsSelectExactlyTheBuildingsTheyCover() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        // A route along y = 181045 through the middle of the grid's second row, 20 m wide.
        let from = GridFixture.geo(533_990, 181_045), to = GridFixture.geo(534_200, 181_045)
        let origin = GridFixture.geo(534_000, 181_000)
        let location = "{\"lat\": \(origin.latitude), \"lon\": \(origin.longitude)}"
        let corridor = try await registry.openIncident(try Self.draft("""
            {"name": "Device moved along the road", "location": \(location),
             "inner": {"type": "corridor", "width_m": 20, "route": {"type": "LineString",
                       "coordinates": [[\(from.longitude), \(from.latitude)], [\(to.longitude), \(to.latitude)]]}}}
            """), actor: police)
        let corridorZones = try await registry.zones(of: corridor.id, actor: police)
        #expect(Set(corridorZones.zones[0].result.matches.map(\.id)) == ["grid/0-1", "grid/1-1", "grid/2-1", "grid/3-1", "grid/4-1"])

        // A square over the grid's lower-left 2 x 2 squares.
        let ring = GridFixture.geoRing([(533_995, 180_995), (534_055, 180_995), (534_055, 181_055), (533_995, 181_055)])
        let polygon = String(decoding: try GridFixture.polygonJSON([ring]), as: UTF8.self)
        let block = try await registry.openIncident(try Self.draft("""
            {"name": "Protest", "location": \(location), "inner": {"type": "polygon", "geometry": \(polygon)}}
            """), actor: police)
        let blockZones = try await registry.zones(of: block.id, actor: police)
        // Nearest the incident (the grid's origin) first.
        #expect(blockZones.zones[0].result.matches.map(\.id) == ["grid/0-0", "grid/1-0", "grid/0-1", "grid/1-1"])
        #expect(blockZones.zones[0].result.matches.allSatisfy { $0.inside == .full })
    }

    @Test func badCordonsAreRefusedNamingTheField() throws {
        let cases: [(String, String)] = [
            (#"{"name": "x", "location": \#(Self.centre), "inner": {"preset": "piano"}}"#, "inner.preset"),
            (#"{"name": "x", "location": \#(Self.centre)}"#, "inner"),
            (#"{"name": "x", "location": \#(Self.centre), "inner": {"type": "radius", "radius_m": 0}}"#, "inner.radius_m"),
            (#"{"name": "x", "location": {"lat": -0.08, "lon": 51.5}, "inner": {"preset": "car"}}"#, "lat/lon"),
            (#"{"name": "x", "location": \#(Self.centre), "inner": {"preset": "car"}, "outer": {"type": "corridor"}}"#, "outer.type"),
            (#"{"name": "", "location": \#(Self.centre), "inner": {"preset": "car"}}"#, "name"),
        ]
        for (body, field) in cases {
            #expect(throws: InputError.self, "\(field)") { _ = try Self.draft(body) }
            do { _ = try Self.draft(body) } catch let error as InputError { #expect(error.field == field, "\(body)") }
        }
    }

    @Test func presetTablesAreConfigurable() throws {
        let presets = try CordonPresets.parse(Data(#"{"suitcase": 250, "van": {"radius_m": 500, "description": "van or lorry"}}"#.utf8), source: "presets.json")
        #expect(presets.presets.map(\.name) == ["suitcase", "van"])
        let draft = try Self.draft(#"{"name": "Van", "location": \#(Self.centre), "inner": {"preset": "van"}}"#, presets: presets)
        guard case .radius(let query) = draft.cordons.inner.cordon else { Issue.record("radius expected"); return }
        #expect(query.radius == 500)
        #expect(throws: InputError.self) { try CordonPresets.parse(Data(#"{"van": -1}"#.utf8), source: "presets.json") }
    }
}
