import Foundation
import GRDB

/// One building of a caller's own list: what it is called, who manages it, its figures.
public struct ManagedBuilding: Sendable, Equatable {
    public let id: String
    public let label: String
    public let name: String?
    public let address: String?
    public let postcode: String?
    public let ward: String?
    public let managedBy: String?
    /// Nil until figures are reported.
    public let figures: SiteFigures?

    init(row: Row) {
        id = row["id"]
        label = row["label"]
        name = row["name"]
        address = row["address"]
        postcode = row["postcode"]
        ward = row["ward"]
        managedBy = row["managed_by"]
        figures = row.siteFigures
    }

    /// The figures' version, as `ETag` carries it: 0 before any are reported.
    public var version: Int { figures?.version ?? 0 }

    /// Figures confirmed too long ago under `cutoffs`.
    public func staleFigures(_ cutoffs: StalenessPolicy.Cutoffs) -> [Figure] {
        guard let figures else { return [] }
        return Figure.allCases.filter { figure in
            figures[figure].map { cutoffs.isStale(figure, confirmedAt: $0.confirmedAt) } ?? false
        }
    }
}

extension Registry {
    /// The buildings the actor keeps: a firm's own, every building for other roles (see
    /// `Actor.ownBuildingsScope`), or those of `organisation` for the roles that see all.
    public func ownBuildings(actor: Actor, organisation: String? = nil) async throws -> [ManagedBuilding] {
        if let own = actor.ownBuildingsScope, let organisation, organisation != own {
            throw AccessDenied("organisation \(actor.name) lists only its own buildings, not those of \(organisation)")
        }
        try TextInput.checked(organisation, field: "organisation")
        let scope = actor.ownBuildingsScope ?? organisation
        return try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.ownBuildings.sql), arguments: ["firm_id": scope])
                .map(ManagedBuilding.init(row:))
        }
    }

    /// The organisation a key belongs to.
    public func organisation(of actor: Actor) async throws -> Organisation? {
        guard let id = actor.organisationID else { return nil }
        return try await database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Query.organisationByID.sql), arguments: ["id": id]).map(Organisation.init(row:))
        }
    }
}
