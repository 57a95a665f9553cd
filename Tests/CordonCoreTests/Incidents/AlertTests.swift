import CordonCore
import CordonTestSupport
import Foundation
import Testing

@Suite struct AlertTests {
    let police = Actor(organisationID: "police", role: .commander, keyID: nil, channel: .http)
    let firmA = Actor(organisationID: "firm-a", role: .firm, keyID: nil, channel: .http)
    let firmB = Actor(organisationID: "firm-b", role: .firm, keyID: nil, channel: .http)

    func openRucksackIncident(_ registry: Registry, outer: Bool = true) async throws -> Incident {
        try await registry.openIncident(try IncidentTests.draft("""
            {"name": "Rucksack at the centre", "location": \(IncidentTests.centre), "inner": {"preset": "rucksack"}
             \(outer ? #", "outer": {"type": "radius", "radius_m": 200}"# : "")}
            """), actor: police)
    }

    func draft(_ json: String) throws -> AlertDraft {
        try AlertDraft.parse(try JSONValue.parse(Data(json.utf8)))
    }

    @Test func recipientsAreFrozenWithTheirFirmsAndUnmanagedBuildingsListedAsUnreachable() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let incident = try await openRucksackIncident(registry)
        let sent = try await registry.sendAlert(incident: incident.id, try draft("""
            {"priority": "red", "message": "Invacuate: stay away from windows", "target": {"zones": ["inner", "outer"]}}
            """), actor: police)
        #expect(sent.alert.kind == .alert)
        #expect(sent.reachable.map(\.buildingID) == ["fixture/centre", "fixture/half-in", "fixture/at-radius"])
        #expect(sent.reachable.map(\.firmID) == ["firm-a", "firm-a", "firm-b"])
        #expect(sent.unreachable.map(\.buildingID) == ["fixture/half-out"])
        #expect(sent.unreachable.first?.zone == .outer)
        #expect(sent.counts.firms == 2)
        #expect(sent.counts.notAcknowledged == 4)

        // Reassigning a building later does not change whom the alert went to.
        _ = try await registry.assign(buildingIDs: ["fixture/half-out"], to: "firm-b", actor: .localOperator(user: "test"))
        let later = try await registry.alertStatus(sent.alert.id, actor: police)
        #expect(later.unreachable.map(\.buildingID) == ["fixture/half-out"])
    }

    @Test func targetsAreNeverWidenedAndAnEmptyTargetIsRefusedUnlessAllowed() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let incident = try await openRucksackIncident(registry, outer: false)
        let before = try await fingerprint(registry.database)

        // No advisory ring is set: an error, not everyone.
        do {
            _ = try await registry.sendAlert(incident: incident.id, try draft(#"{"priority": "amber", "message": "m", "target": {"zones": ["advisory"]}}"#), actor: police)
            Issue.record("an unset zone was accepted")
        } catch let error as InputError {
            #expect(error.field == "target.zones")
            #expect(error.problem == "is not set for incident \(incident.id)")
        }
        await #expect(throws: InputError.self) {
            _ = try await registry.sendAlert(incident: incident.id, try self.draft(#"{"priority": "amber", "message": "m"}"#), actor: self.police)
        }
        await #expect(throws: InputError.self) {
            _ = try await registry.sendAlert(incident: incident.id, try self.draft(#"{"priority": "amber", "message": "m", "target": {"buildings": ["way/1"]}}"#), actor: self.police)
        }

        // A polygon far from every building resolves to nobody.
        let ring = GridFixture.geoRing([(535_000, 182_000), (535_050, 182_000), (535_050, 182_050), (535_000, 182_050)])
        let polygon = String(decoding: try GridFixture.polygonJSON([ring]), as: UTF8.self)
        let empty = try await registry.openIncident(try IncidentTests.draft("""
            {"name": "Empty square", "location": \(IncidentTests.centre), "inner": {"type": "polygon", "geometry": \(polygon)}}
            """), actor: police)
        do {
            _ = try await registry.sendAlert(incident: empty.id, try draft(#"{"priority": "green", "message": "m", "target": {"zones": ["inner"]}}"#), actor: police)
            Issue.record("an empty target was accepted")
        } catch let error as InputError {
            #expect(error.field == "target")
            #expect(error.problem == "resolves to no building")
        }
        #expect(try await fingerprint(registry.database) == before)
        let recorded = try await registry.sendAlert(incident: empty.id, try draft("""
            {"priority": "green", "message": "m", "target": {"zones": ["inner"]}, "allow_empty": true}
            """), actor: police)
        #expect(recorded.recipients.isEmpty)
    }

    @Test func acknowledgementsSupersedeEarlierOnesAndAreAllKept() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let incident = try await openRucksackIncident(registry)
        let alert = try await registry.sendAlert(incident: incident.id, try draft(#"{"priority": "red", "message": "m", "target": {"zones": ["inner"]}}"#), actor: police).alert
        func ack(_ json: String, _ actor: Actor) async throws -> [Acknowledgement] {
            try await registry.acknowledge(alert.id, try AckDraft.parse(try JSONValue.parse(Data(json.utf8))), actor: actor)
        }
        _ = try await ack(#"{"building_id": "fixture/centre", "status": "received"}"#, firmA)
        _ = try await ack(#"{"building_id": "fixture/centre", "status": "sheltering", "people": 80, "note": "basement"}"#, firmA)
        _ = try await ack(#"{"building_id": "fixture/at-radius", "status": "need assistance", "note": "one injured"}"#, firmB)

        let status = try await registry.alertStatus(alert.id, actor: police)
        let counts = status.counts
        #expect(counts.acknowledged == 2)
        #expect(counts.notAcknowledged == 1)
        #expect(counts.needAssistance == 1)
        #expect(counts.peopleSheltering == 80)
        let centre = try #require(status.recipients.first { $0.buildingID == "fixture/centre" })
        #expect(centre.latest?.status == .sheltering)
        #expect(centre.latest?.note == "basement")
        #expect(centre.acknowledgements == 2)
        #expect(try await registry.acknowledgements(of: alert.id, actor: police).map(\.status) == [.received, .sheltering, .needAssistance])

        // A firm sees and answers for its own buildings only.
        let firmBView = try await registry.alertStatus(alert.id, actor: firmB)
        #expect(firmBView.recipients.map(\.buildingID) == ["fixture/at-radius"])
        #expect(try await registry.acknowledgements(of: alert.id, actor: firmB).count == 1)
        await #expect(throws: AccessDenied.self) { _ = try await ack(#"{"building_id": "fixture/at-radius", "status": "received"}"#, firmA) }
        await #expect(throws: AccessDenied.self) { _ = try await ack(#"{"building_id": "fixture/far", "status": "received"}"#, firmA) }
        #expect(throws: InputError.self) { try AckDraft.parse(try JSONValue.parse(Data(#"{"building_id": "fixture/centre", "status": "sheltering"}"#.utf8))) }
        // A commander records an answer taken by phone.
        let byPhone = try await ack(#"{"building_id": "fixture/half-in", "status": "evacuated"}"#, police)
        #expect(byPhone.first?.by == "police")
    }

    @Test func updatesAndCancellationsReferenceTheOriginalAndReachItsRecipients() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let incident = try await openRucksackIncident(registry, outer: false)
        let original = try await registry.sendAlert(incident: incident.id, try draft(#"{"priority": "amber", "message": "m", "target": {"zones": ["inner"]}}"#), actor: police)
        _ = try await registry.changeCordons(of: incident.id, change: try JSONValue.parse(Data(#"{"inner": {"type": "radius", "radius_m": 150}}"#.utf8)),
                                             reason: "grew", presets: .standard, actor: police)
        let update = try await registry.updateAlert(original.alert.id, try draft(#"{"priority": "red", "message": "The cordon is now 150 m"}"#), actor: police)
        #expect(update.alert.kind == .update)
        #expect(update.alert.references == original.alert.id)
        #expect(update.alert.cordonVersion == 2)
        #expect(update.recipients.map(\.buildingID) == ["fixture/centre", "fixture/half-in", "fixture/at-radius", "fixture/half-out"])

        let cancel = try await registry.cancelAlert(original.alert.id, message: nil, actor: police)
        #expect(cancel.alert.kind == .cancel)
        #expect(cancel.alert.references == original.alert.id)
        #expect(cancel.recipients.map(\.buildingID) == original.recipients.map(\.buildingID))
        #expect(try await registry.alertStatus(original.alert.id, actor: police).cancelledBy == cancel.alert.id)
        await #expect(throws: StateConflict.self) { _ = try await registry.cancelAlert(original.alert.id, message: nil, actor: self.police) }
        await #expect(throws: StateConflict.self) { _ = try await registry.updateAlert(cancel.alert.id, try self.draft(#"{"message": "m"}"#), actor: self.police) }

        // Feeds: firm-a has the alert, the update and the cancellation, with its buildings only.
        let feed = try await registry.feed(after: 0, actor: firmA)
        #expect(feed.map(\.status.alert.kind) == [.alert, .update, .cancel])
        #expect(feed.allSatisfy { $0.status.recipients.allSatisfy { $0.firmID == "firm-a" } })
        #expect(try await registry.feed(after: feed[1].id, actor: firmA).map(\.id) == [feed[2].id])
        await #expect(throws: AccessDenied.self) { _ = try await registry.feed(after: 0, actor: self.police) }
    }

    @Test func everyIncidentAlertCordonChangeAndAckIsAuditedAndTheChainVerifies() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let incident = try await openRucksackIncident(registry)
        _ = try await registry.changeCordons(of: incident.id, change: try JSONValue.parse(Data(#"{"advisory": {"type": "radius", "radius_m": 500}}"#.utf8)),
                                             reason: "crowd gathering",  presets: .standard, actor: police)
        let alert = try await registry.sendAlert(incident: incident.id, try draft(#"{"priority": "red", "message": "m", "target": {"city": true}}"#), actor: police)
        #expect(alert.recipients.count == 30)
        _ = try await registry.acknowledge(alert.alert.id, try AckDraft(buildingIDs: ["fixture/centre"], status: .received, people: nil, note: nil), actor: firmA)
        _ = try await registry.updateAlert(alert.alert.id, try draft(#"{"message": "update"}"#), actor: police)
        _ = try await registry.cancelAlert(alert.alert.id, message: "stand down", actor: police)
        _ = try await registry.closeIncident(incident.id, actor: police)
        let actions = try await registry.auditEntries(limit: 1_000).map(\.action)
        for action in ["incident.open", "incident.cordon", "alert.alert", "alert.ack", "alert.update", "alert.cancel", "incident.close"] {
            #expect(actions.contains(action), "\(action)")
        }
        let verification = try await registry.verifyAudit()
        #expect(verification.findings == [])
    }
}
