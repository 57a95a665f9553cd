import Foundation
import GRDB

/// Which buildings a bulk confirmation covers.
public enum ConfirmationTarget: Sendable, Equatable {
    /// Every current building the caller (a firm) manages.
    case allManaged
    /// Every current building a named firm manages (the local operator, an admin).
    case managedBy(String)
    case buildings([String])

    /// `{"all": true}` or `{"buildings": ["way/1", ...]}`.
    public static func parse(_ body: JSONValue) throws(InputError) -> ConfirmationTarget {
        let example = "Give {\"buildings\": [\"way/4959489\", ...]} or {\"all\": true}."
        guard case .object(let members) = body else {
            throw InputError(field: "body", value: body.typeName, problem: "is not a JSON object", fix: example)
        }
        if let unknown = members.keys.sorted().first(where: { $0 != "all" && $0 != "buildings" }) {
            throw InputError(field: unknown, value: "'\(unknown)'", problem: "is not a member of a confirmation", fix: example)
        }
        switch (members["all"], members["buildings"]) {
        case (.bool(true)?, nil):
            return .allManaged
        case (nil, .array(let items)?):
            guard !items.isEmpty, items.count <= BulkConfirmation.maximumBuildings else {
                throw InputError(field: "buildings", value: "\(items.count) ids", problem: "must hold 1 to \(BulkConfirmation.maximumBuildings) ids",
                                 fix: "Name the buildings to confirm, or give {\"all\": true}.")
            }
            var ids: [String] = []
            for item in items {
                guard case .string(let id) = item else {
                    throw InputError(field: "buildings", value: item.text ?? item.typeName, problem: "holds something that is not an id", fix: example)
                }
                ids.append(try TextInput.checked(id, field: "buildings"))
            }
            return .buildings(ids)
        default:
            throw InputError(field: "buildings", value: "nothing", problem: "is missing, or given with all", fix: example)
        }
    }
}

/// What a bulk confirmation did, or why it did nothing.
public struct BulkConfirmation: Sendable, Equatable {
    public static let maximumBuildings = 10_000
    public let confirmed: [String]
    public let at: String

    public func json() -> String {
        JSONText.object([("confirmed", "\(confirmed.count)"), ("confirmed_at", JSONText.quoted(at)),
                         ("buildings", "[" + confirmed.map(JSONText.quoted).joined(separator: ",") + "]")])
    }
}

/// A bulk confirmation refused whole: every building that could not be confirmed, and why.
public struct ConfirmationRejection: Error, Sendable, Equatable {
    public struct Problem: Sendable, Equatable {
        public let buildingID: String
        public let reason: String

        public func json() -> String {
            JSONText.object([("building_id", JSONText.quoted(buildingID)), ("reason", JSONText.quoted(reason))])
        }
    }

    public let problems: [Problem]
}

extension Registry {
    /// Confirms the figures of many buildings unchanged in one transaction, all or nothing:
    /// each is confirmed exactly as `POST /buildings/{id}/figures/confirm` would (every figure
    /// confirmed now by the actor, an audit row each, no history row since no value changes),
    /// and any building the actor may not confirm (not managed, unknown, without figures)
    /// refuses the whole request, listing every such building.
    public func confirmFigures(_ target: ConfirmationTarget, actor: Actor, now: Date = Date()) async throws -> BulkConfirmation {
        try actor.mayConfirmInBulk()
        if target == .allManaged, actor.ownBuildingsScope == nil {
            throw InputError(field: "all", value: "true", problem: "confirms a firm's own buildings, and organisation \(actor.name) is not a firm",
                             fix: "Name the buildings to confirm: {\"buildings\": [...]}.")
        }
        let at = LookupTime.text(now)
        return try await database.write { db in
            let ids: [String]
            switch target {
            case .allManaged:
                ids = try String.fetchAll(db.cachedStatement(sql: Query.managedIDs.sql), arguments: ["firm_id": actor.organisationID])
            case .managedBy(let firm):
                ids = try String.fetchAll(db.cachedStatement(sql: Query.managedIDs.sql), arguments: ["firm_id": firm])
            case .buildings(let given):
                ids = given
            }
            guard !ids.isEmpty else {
                let firm: String = if case .managedBy(let named) = target { named } else { actor.name }
                throw InputError(field: "all", value: "true", problem: "covers no building: organisation \(firm) manages none",
                                 fix: "Ask an admin to assign your buildings (cordon org assign).")
            }
            var problems: [ConfirmationRejection.Problem] = []
            var seen = Set<String>()
            for id in ids {
                guard seen.insert(id).inserted else {
                    problems.append(.init(buildingID: id, reason: "is named twice"))
                    continue
                }
                do {
                    _ = try Self.apply([:], confirmingAll: true, to: id, expectedVersion: nil, actor: actor, at: at, in: db)
                } catch let denied as AccessDenied {
                    problems.append(.init(buildingID: id, reason: denied.reason))
                } catch is NotFoundError {
                    // Worded like a refusal, so a confirmation cannot probe which buildings exist.
                    problems.append(.init(buildingID: id, reason: actor.isLocalOperator ? "there is no building \(id)"
                                              : "organisation \(actor.name) does not manage building \(id)"))
                } catch let error as InputError {
                    problems.append(.init(buildingID: id, reason: "\(error.field) \(error.problem). \(error.fix)"))
                }
            }
            // Throwing rolls back every confirmation already made in this transaction.
            if !problems.isEmpty { throw ConfirmationRejection(problems: problems) }
            return BulkConfirmation(confirmed: ids, at: at)
        }
    }
}
