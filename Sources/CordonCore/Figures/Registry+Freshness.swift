import Foundation
import GRDB

/// A building with figures that need refreshing.
public struct StaleBuilding: Sendable, Equatable {
    public let buildingID: String
    public let name: String?
    public let managedBy: String?
    /// The stale figures and when each was last confirmed.
    public let stale: [(figure: Figure, confirmedAt: String)]
    public let demonstration: Bool

    public static func == (lhs: StaleBuilding, rhs: StaleBuilding) -> Bool {
        lhs.buildingID == rhs.buildingID && lhs.managedBy == rhs.managedBy
            && lhs.stale.map(\.figure) == rhs.stale.map(\.figure) && lhs.stale.map(\.confirmedAt) == rhs.stale.map(\.confirmedAt)
    }

    public func json() -> String {
        JSONText.object([
            ("building_id", JSONText.quoted(buildingID)), ("name", JSONText.string(name)),
            ("managed_by", JSONText.string(managedBy)), ("demonstration_figures", JSONText.bool(demonstration)),
            ("stale", "[" + stale.map {
                JSONText.object([("figure", JSONText.quoted($0.figure.rawValue)), ("confirmed_at", JSONText.quoted($0.confirmedAt))])
            }.joined(separator: ",") + "]"),
        ])
    }
}

/// One change of one figure.
public struct FigureChangeRecord: Sendable, Equatable {
    public let seq: Int
    public let figure: String
    public let oldValue: Int?
    public let newValue: Int
    public let changedAt: String
    public let changedBy: String
    public let channel: String

    public func json() -> String {
        JSONText.object([
            ("seq", "\(seq)"), ("figure", JSONText.quoted(figure)), ("old_value", oldValue.map(String.init) ?? "null"),
            ("new_value", "\(newValue)"), ("changed_at", JSONText.quoted(changedAt)),
            ("changed_by", JSONText.quoted(changedBy)), ("channel", JSONText.quoted(channel)),
        ])
    }
}

extension Registry {
    /// Buildings whose figures are older than the staleness policy allows, grouped by firm.
    /// A firm sees only its own buildings; others may ask for one firm or for all.
    public func staleBuildings(organisationID requested: String?, actor: Actor, now: Date = Date(),
                               limit: Int = 10_000) async throws -> [StaleBuilding] {
        try TextInput.checked(requested, field: "organisation")
        var organisationID = requested
        if !actor.isLocalOperator, actor.role == .firm {
            if let requested, requested != actor.organisationID {
                throw AccessDenied("organisation \(actor.name) may list only its own buildings")
            }
            organisationID = actor.organisationID
        }
        let cutoffs = staleness.cutoffs(at: now)
        let filter = organisationID
        return try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.figuresStale.sql), arguments: [
                "organisation_id": filter, "live_cutoff": cutoffs.live, "equipment_cutoff": cutoffs.equipment, "limit": limit,
            ]).map { row in
                // The weekend figures are optional and not part of this report.
                let stale = Figure.required.compactMap { figure -> (Figure, String)? in
                    let at: String = row[figure.rawValue + "_confirmed_at"]
                    return cutoffs.isStale(figure, confirmedAt: at) ? (figure, at) : nil
                }
                return StaleBuilding(buildingID: row["building_id"], name: row["name"], managedBy: row["managed_by"],
                                     stale: stale, demonstration: row["demonstration"])
            }
        }
    }

    /// The latest changes of a building's figures, newest first.
    public func history(of buildingID: String, actor: Actor, limit: Int = 100) async throws -> [FigureChangeRecord] {
        try await database.read { db in
            let state = try FiguresState.load(buildingID, in: db)
            try actor.mayReadFigures(of: buildingID, managedBy: state.managedBy)
            return try Row.fetchAll(db.cachedStatement(sql: Query.figuresHistory.sql), arguments: ["building_id": buildingID, "limit": limit]).map {
                FigureChangeRecord(seq: $0["seq"], figure: $0["figure"], oldValue: $0["old_value"], newValue: $0["new_value"],
                                   changedAt: $0["changed_at"], changedBy: $0["changed_by"], channel: $0["channel"])
            }
        }
    }
}
