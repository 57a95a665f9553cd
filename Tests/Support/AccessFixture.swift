import CordonCore
import Foundation

/// Organisations and keys over the grid fixture: firm-a manages fixture/centre and
/// fixture/half-in, firm-b manages fixture/at-radius.
public struct AccessFixture: Sendable {
    public let admin: String
    public let commander: String
    public let planner: String
    public let firmA: String
    public let firmB: String

    public static let firmABuildings = ["fixture/centre", "fixture/half-in"]
    public static let firmBBuildings = ["fixture/at-radius"]

    public static func make(_ registry: Registry) async throws -> AccessFixture {
        let local = Actor.localOperator(user: "test")
        var keys: [String: String] = [:]
        for (id, role) in [("ops", Role.admin), ("police", .commander), ("resilience", .planner), ("firm-a", .firm), ("firm-b", .firm)] {
            _ = try await registry.createOrganisation(id: id, name: id.capitalized, role: role, actor: local)
            keys[id] = try await registry.createKey(for: id, expiresAt: nil, actor: local).secret
        }
        _ = try await registry.assign(buildingIDs: firmABuildings, to: "firm-a", actor: local)
        _ = try await registry.assign(buildingIDs: firmBBuildings, to: "firm-b", actor: local)
        _ = try await registry.updateSite(of: "fixture/centre", change: .object([
            "control_room_phone": .string("+44 20 7946 0001"), "email": .string("control@firm-a.example"),
        ]), actor: Actor(organisationID: "firm-a", role: .firm, keyID: nil, channel: .cli))
        return AccessFixture(admin: keys["ops"] ?? "", commander: keys["police"] ?? "", planner: keys["resilience"] ?? "",
                             firmA: keys["firm-a"] ?? "", firmB: keys["firm-b"] ?? "")
    }
}
