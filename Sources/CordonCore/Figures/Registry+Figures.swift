import Foundation
import GRDB

/// A building's figures with who manages it, as a write needs them.
struct FiguresState {
    let figures: SiteFigures?
    let managedBy: String?
    let maxOccupancy: Int?

    static func load(_ buildingID: String, in db: Database) throws -> FiguresState {
        try TextInput.checked(buildingID, field: "building_id")
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.figuresByBuilding.sql), arguments: ["building_id": buildingID]) else {
            throw NotFoundError(kind: "building", id: buildingID)
        }
        return FiguresState(figures: row.siteFigures, managedBy: row["managed_by"], maxOccupancy: row["max_occupancy"])
    }
}

extension Registry {
    /// A building's figures, if the actor may read them. Nil when none are reported yet.
    public func figures(of buildingID: String, actor: Actor) async throws -> SiteFigures? {
        try await database.read { db in
            let state = try FiguresState.load(buildingID, in: db)
            try actor.mayReadFigures(of: buildingID, managedBy: state.managedBy)
            return state.figures
        }
    }

    /// Sets some (PATCH) or all (PUT) figures when the stored version is still
    /// `expectedVersion` (0: the building has no figures yet). Every figure given is
    /// confirmed now by the actor, changed or not.
    public func writeFigures(of buildingID: String, change: FiguresChange, expectedVersion: Int,
                             actor: Actor, now: Date = Date()) async throws -> SiteFigures {
        let at = LookupTime.text(now)
        return try await database.write { db in
            try Self.apply(change.values, confirmingAll: false, to: buildingID, expectedVersion: expectedVersion,
                           actor: actor, at: at, in: db)
        }
    }

    /// Confirms every figure unchanged: each is marked confirmed now by the actor.
    public func confirmFigures(of buildingID: String, expectedVersion: Int, actor: Actor, now: Date = Date()) async throws -> SiteFigures {
        let at = LookupTime.text(now)
        return try await database.write { db in
            try Self.apply([:], confirmingAll: true, to: buildingID, expectedVersion: expectedVersion,
                           actor: actor, at: at, in: db)
        }
    }

    /// The one path by which figures change: access, version, completeness and declared
    /// maximum are checked, the row is written, and the audit log gets before and after.
    /// `expectedVersion` nil skips the version check (bulk uploads, which are all or nothing).
    static func apply(_ values: [Figure: Int], confirmingAll: Bool, to buildingID: String, expectedVersion: Int?,
                      actor: Actor, at: String, in db: Database) throws -> SiteFigures {
        let state = try FiguresState.load(buildingID, in: db)
        try actor.mayWriteFigures(of: buildingID, managedBy: state.managedBy)
        let currentVersion = state.figures?.version ?? 0
        if let expectedVersion, expectedVersion != currentVersion {
            throw VersionConflict(expected: expectedVersion, current: state.figures)
        }
        if state.figures == nil {
            if confirmingAll {
                throw InputError(field: "figures", value: "none", problem: "do not exist yet for building \(buildingID)",
                                 fix: "Send all eight figures with PUT first; there is nothing to confirm.")
            }
            if let missing = Figure.required.first(where: { values[$0] == nil }) {
                throw InputError(field: missing.rawValue, value: "nothing", problem: "is missing",
                                 fix: "Building \(buildingID) has no figures yet: the first write must give all eight.")
            }
        }
        var slots: [Figure: ReportedFigure] = state.figures?.values ?? [:]
        for figure in Figure.allCases {
            if let value = values[figure] {
                slots[figure] = ReportedFigure(value: value, confirmedAt: at, confirmedBy: actor.name)
            } else if confirmingAll, let old = slots[figure] {
                slots[figure] = ReportedFigure(value: old.value, confirmedAt: at, confirmedBy: actor.name)
            }
        }
        if let maximum = state.maxOccupancy {
            for figure in [Figure.occupancyDay, .occupancyNight, .occupancyWeekend] where (slots[figure]?.value ?? 0) > maximum {
                throw InputError(field: figure.rawValue, value: "\(slots[figure]?.value ?? 0)",
                                 problem: "is above building \(buildingID)'s declared maximum occupancy of \(maximum)",
                                 fix: "Give at most \(maximum), or have the building's declared maximum corrected.")
            }
        }
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "building_id": buildingID, "channel": actor.channel.rawValue,
            "demonstration": slots.values.contains { $0.confirmedBy == DemonstrationFigures.confirmedBy },
        ]
        // Weekend figures a site has not reported stay NULL.
        for figure in Figure.allCases where slots[figure] == nil {
            // updateValue keeps the key with a NULL value; assigning nil would drop it.
            for column in [figure.rawValue, figure.rawValue + "_confirmed_at", figure.rawValue + "_confirmed_by"] {
                arguments.updateValue(nil, forKey: column)
            }
        }
        for (figure, reported) in slots {
            arguments[figure.rawValue] = reported.value
            arguments[figure.rawValue + "_confirmed_at"] = reported.confirmedAt
            arguments[figure.rawValue + "_confirmed_by"] = reported.confirmedBy
        }
        if state.figures == nil {
            try db.cachedStatement(sql: Query.figuresCreate.sql).execute(arguments: StatementArguments(arguments))
        } else {
            arguments["expected_version"] = currentVersion
            try db.cachedStatement(sql: Query.figuresWrite.sql).execute(arguments: StatementArguments(arguments))
            // The version was read in this same transaction: only a bug could change it here.
            guard db.changesCount == 1 else { throw VersionConflict(expected: currentVersion, current: state.figures) }
        }
        guard let written = try FiguresState.load(buildingID, in: db).figures else {
            throw StorageError("figures of \(buildingID) missing after write")
        }
        try AuditLog.append(AuditRecord(
            action: confirmingAll ? "figures.confirm" : "figures.update", targetType: "figures", targetID: buildingID,
            buildingID: buildingID, organisationID: state.managedBy,
            before: state.figures?.json(), after: written.json()), actor: actor, at: at, in: db)
        return written
    }
}
