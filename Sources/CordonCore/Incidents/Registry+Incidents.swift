import Foundation
import GRDB

extension Registry {
    public func openIncident(_ draft: IncidentDraft, actor: Actor, now: Date = Date()) async throws -> Incident {
        try actor.mayCommand()
        let at = LookupTime.text(now)
        return try await database.write { db in
            try db.cachedStatement(sql: Query.incidentInsert.sql).execute(arguments: [
                "name": draft.name, "lat": draft.location.latitude, "lon": draft.location.longitude,
                "description": draft.locationDescription, "at": at, "by": actor.name,
            ])
            let id = Int(db.lastInsertedRowID)
            try Self.insertCordons(draft.cordons, version: 1, incidentID: id, reason: nil, actor: actor, at: at, in: db)
            let incident = try Self.incident(id, in: db)
            try AuditLog.append(AuditRecord(action: "incident.open", targetType: "incident", targetID: String(id),
                                            organisationID: actor.organisationID, after: incident.json()),
                                actor: actor, at: at, in: db)
            return incident
        }
    }

    public func incidents(status: IncidentStatus? = nil, limit: Int = 100, actor: Actor) async throws -> [Incident] {
        try actor.mayFollowIncidents()
        return try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.incidentsCurrent.sql),
                             arguments: ["id": nil, "status": status?.rawValue, "limit": limit]).map(Incident.init(row:))
        }
    }

    public func incident(_ id: Int, actor: Actor) async throws -> Incident {
        try actor.mayFollowIncidents()
        return try await database.read { db in try Self.incident(id, in: db) }
    }

    public func cordonHistory(of id: Int, actor: Actor) async throws -> [CordonVersion] {
        try actor.mayFollowIncidents()
        return try await database.read { db in
            _ = try Self.incident(id, in: db)
            return try Row.fetchAll(db.cachedStatement(sql: Query.incidentCordonHistory.sql), arguments: ["incident_id": id])
                .map(CordonVersion.init(row:))
        }
    }

    /// Adds a cordon version. `change` is applied to the current version inside the write, so
    /// two commanders changing different zones at once both keep their change.
    public func changeCordons(of id: Int, change: JSONValue, reason: String?, presets: CordonPresets,
                              actor: Actor, now: Date = Date()) async throws -> Incident {
        try actor.mayCommand()
        // Every kept version says why it was made, whichever front end made it.
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            throw InputError(field: "reason", value: reason.map { "'\($0)'" } ?? "nothing", problem: "is missing",
                             fix: "Say why the cordons change, e.g. \"reason\": \"device larger than first reported\": the reason is kept with the version.")
        }
        try TextInput.checked(reason, field: "reason", .multiLine)
        if reason.count > 500 {
            throw InputError(field: "reason", value: "\(reason.count) characters", problem: "is too long", fix: "Give the reason in at most 500 characters.")
        }
        let at = LookupTime.text(now)
        return try await database.write { db in
            let current = try Self.incident(id, in: db)
            guard current.status == .open else { throw Self.closed(current) }
            let next = try current.cordons.cordons.changed(by: change, location: current.location, presets: presets)
            try Self.insertCordons(next, version: current.cordons.version + 1, incidentID: id, reason: reason,
                                   actor: actor, at: at, in: db)
            let changed = try Self.incident(id, in: db)
            try AuditLog.append(AuditRecord(action: "incident.cordon", targetType: "incident", targetID: String(id),
                                            organisationID: actor.organisationID,
                                            before: current.cordons.json(), after: changed.cordons.json()),
                                actor: actor, at: at, in: db)
            return changed
        }
    }

    public func closeIncident(_ id: Int, actor: Actor, now: Date = Date()) async throws -> Incident {
        try actor.mayCommand()
        let at = LookupTime.text(now)
        return try await database.write { db in
            let current = try Self.incident(id, in: db)
            guard current.status == .open else { throw Self.closed(current) }
            try db.cachedStatement(sql: Query.incidentClose.sql).execute(arguments: ["id": id, "at": at, "by": actor.name])
            let closed = try Self.incident(id, in: db)
            try AuditLog.append(AuditRecord(action: "incident.close", targetType: "incident", targetID: String(id),
                                            organisationID: actor.organisationID,
                                            before: JSONText.object([("status", "\"open\"")]),
                                            after: JSONText.object([("status", "\"closed\""), ("closed_at", JSONText.quoted(at))])),
                                actor: actor, at: at, in: db)
            return closed
        }
    }

    /// The buildings in each zone (each in the innermost only), with distances from the
    /// incident's location and totals for the period at `instant`.
    public func zones(of id: Int, at instant: Date = Date(), now: Date = Date(), actor: Actor) async throws -> IncidentZones {
        try actor.mayFollowIncidents()
        let period = dayWindow.period(at: instant)
        let cutoffs = staleness.cutoffs(at: now)
        return try await database.read { db in
            let incident = try Self.incident(id, in: db)
            let zones = try Self.zoneMatches(incident, in: db).map { found in
                IncidentZones.ZoneResult(zone: found.zone, cordon: found.cordon,
                                         result: LookupResult(shape: found.cordon.cordon.lookupShape, at: instant, period: period,
                                                              cutoffs: cutoffs, matches: found.matches,
                                                              coverage: try Self.coverage(of: found.cordon.cordon, in: db)))
            }
            return IncidentZones(incident: incident, zones: zones)
        }
    }

    // MARK: - Inside a transaction

    static func incident(_ id: Int, in db: Database) throws -> Incident {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.incidentsCurrent.sql),
                                         arguments: ["id": id, "status": nil, "limit": 1]) else {
            throw NotFoundError(kind: "incident", id: String(id))
        }
        return try Incident(row: row)
    }

    static func closed(_ incident: Incident) -> StateConflict {
        StateConflict("incident \(incident.id) was closed at \(incident.closedAt ?? "?") by \(incident.closedBy ?? "?"); open a new incident instead")
    }

    private static func insertCordons(_ cordons: IncidentCordons, version: Int, incidentID: Int, reason: String?,
                                      actor: Actor, at: String, in db: Database) throws {
        try db.cachedStatement(sql: Query.incidentCordonInsert.sql).execute(arguments: [
            "incident_id": incidentID, "version": version, "inner": cordons.inner.json(), "outer": cordons.outer?.json(),
            "advisory": cordons.advisory?.json(), "reason": reason, "at": at, "by": actor.name,
        ])
    }

    /// One zone's buildings with the firm managing each (absent: none).
    struct ZoneBuildings {
        let zone: Zone
        let cordon: ZoneCordon
        let matches: [BuildingMatch]
        let firms: [String: String]
    }

    /// Each zone's buildings, innermost zone first; a building is listed once, in the innermost
    /// zone it touches, nearest the incident first.
    static func zoneMatches(_ incident: Incident, in db: Database) throws -> [ZoneBuildings] {
        var seen = Set<String>()
        var zones: [ZoneBuildings] = []
        for (zone, cordon) in incident.cordons.cordons.zones {
            let found = try buildings(in: cordon.cordon, db: db).matches.filter { seen.insert($0.id).inserted }
            let reach = try self.reach(of: found.map(\.id), from: incident.location, in: db)
            let matches = found.map { $0.at(distance: reach[$0.id]?.distance ?? 0) }
                .sorted { ($0.distance ?? 0, $0.id) < ($1.distance ?? 0, $1.id) }
            zones.append(ZoneBuildings(zone: zone, cordon: cordon, matches: matches, firms: reach.compactMapValues(\.firm)))
        }
        return zones
    }

    /// Distance from `location` and managing firm of each building (every building when `ids` is nil).
    static func reach(of ids: [String]?, from location: GeoPosition, in db: Database) throws -> [String: (distance: Double, firm: String?)] {
        guard let grid = CoordinateTransformer.shared.toGrid(location) else { throw StorageError("incident location off the grid") }
        var reach: [String: (distance: Double, firm: String?)] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: Query.incidentReach.sql), arguments: [
            "x": grid.easting, "y": grid.northing, "all": ids == nil ? 1 : 0,
            "ids": "[" + (ids ?? []).map(JSONText.quoted).joined(separator: ",") + "]",
        ])
        while let row = try rows.next() { reach[row["id"]] = (row["distance_m"], row["managed_by"]) }
        return reach
    }
}

/// Something that cannot be done in the record's present state (a closed incident, a
/// cancelled alert): the front ends answer 409.
public struct StateConflict: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

public struct IncidentZones: Sendable {
    public struct ZoneResult: Sendable {
        public let zone: Zone
        public let cordon: ZoneCordon
        public let result: LookupResult
    }

    public let incident: Incident
    public let zones: [ZoneResult]
}

extension PlanCordon {
    var lookupShape: LookupResult.Shape {
        switch self {
        case .radius(let query): .radius(query)
        case .area(let query): .area(query)
        case .corridor(let route, _, let width): .corridor(route: route, width: width)
        }
    }
}

extension Incident {
    init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        location = GeoPosition(longitude: row["location_lon"], latitude: row["location_lat"])
        locationDescription = row["location_description"]
        status = IncidentStatus(rawValue: row["status"]) ?? .open
        openedAt = row["opened_at"]
        openedBy = row["opened_by"]
        closedAt = row["closed_at"]
        closedBy = row["closed_by"]
        cordons = try CordonVersion(row: row)
    }
}

extension CordonVersion {
    init(row: Row) throws {
        version = row["version"]
        cordons = IncidentCordons(inner: try ZoneCordon(stored: row["inner_cordon"]),
                                  outer: try (row["outer_cordon"] as String?).map { try ZoneCordon(stored: $0) },
                                  advisory: try (row["advisory_cordon"] as String?).map { try ZoneCordon(stored: $0) })
        reason = row["reason"]
        changedAt = row["changed_at"]
        changedBy = row["changed_by"]
    }
}
