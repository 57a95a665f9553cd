import Foundation
import GRDB

/// Who manages a building and how to reach its control room. Contact details are visible
/// only to the managing firm and to commanders.
public struct SiteDetails: Sendable, Equatable {
    public let buildingID: String
    public let managedBy: String?
    public var controlRoomPhone: String?
    public var email: String?
    public var maxOccupancy: Int?

    public init(buildingID: String, managedBy: String?, controlRoomPhone: String?, email: String?, maxOccupancy: Int?) {
        self.buildingID = buildingID
        self.managedBy = managedBy
        self.controlRoomPhone = controlRoomPhone
        self.email = email
        self.maxOccupancy = maxOccupancy
    }

    public func json() -> String {
        JSONText.object([
            ("building_id", JSONText.quoted(buildingID)), ("managed_by", JSONText.string(managedBy)),
            ("control_room_phone", JSONText.string(controlRoomPhone)), ("email", JSONText.string(email)),
            ("max_occupancy", maxOccupancy.map(String.init) ?? "null"),
        ])
    }

    /// Parses a JSON object with any of control_room_phone, email, max_occupancy (null clears).
    public static func parseChange(_ json: JSONValue, onto current: SiteDetails) throws(InputError) -> SiteDetails {
        guard case .object(let members) = json else {
            throw InputError(field: "body", value: json.typeName, problem: "is not a JSON object",
                             fix: "Send {\"control_room_phone\": \"+44 20 7946 0000\", \"email\": \"control@example.com\"}.")
        }
        var next = current
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            switch (key, value) {
            case ("control_room_phone", .null): next.controlRoomPhone = nil
            case ("control_room_phone", .string(let phone)):
                try TextInput.checked(phone, field: key)
                guard phone.count <= 40, phone.allSatisfy({ $0.isNumber || " +-()".contains($0) }), phone.contains(where: \.isNumber) else {
                    throw InputError(field: key, value: "'\(phone)'", problem: "is not a phone number",
                                     fix: "Give digits, spaces and + - ( ) only, at most 40 characters, e.g. +44 20 7946 0000.")
                }
                next.controlRoomPhone = phone
            case ("email", .null): next.email = nil
            case ("email", .string(let email)):
                try TextInput.checked(email, field: key)
                let parts = email.split(separator: "@")
                guard email.count <= 200, parts.count == 2, parts[1].contains("."), !email.contains(where: \.isWhitespace) else {
                    throw InputError(field: key, value: "'\(email)'", problem: "is not an email address",
                                     fix: "Give an address such as control@example.com.")
                }
                next.email = email
            case ("max_occupancy", .null): next.maxOccupancy = nil
            case ("max_occupancy", .number(let number)):
                guard number == number.rounded(), number >= 0, number <= 50_000 else {
                    throw InputError(field: key, value: JSONText.number(number, decimals: 6), problem: "is out of range",
                                     fix: "Give a whole number from 0 to 50000, or null to clear it.")
                }
                next.maxOccupancy = Int(number)
            case ("control_room_phone", _), ("email", _), ("max_occupancy", _):
                throw InputError(field: key, value: value.typeName, problem: "has the wrong type",
                                 fix: key == "max_occupancy" ? "Give a whole number or null." : "Give text or null.")
            default:
                throw InputError(field: key, value: value.typeName, problem: "is not a site detail",
                                 fix: "Use only control_room_phone, email and max_occupancy.")
            }
        }
        return next
    }
}

extension Registry {
    public func site(of buildingID: String, actor: Actor) async throws -> SiteDetails {
        try await database.read { db in
            let site = try Self.loadSite(buildingID, in: db)
            try actor.mayReadSite(of: buildingID, managedBy: site.managedBy)
            return site
        }
    }

    /// Applies a JSON change to a building's contact and declared maximum occupancy.
    public func updateSite(of buildingID: String, change: JSONValue, actor: Actor, now: Date = Date()) async throws -> SiteDetails {
        let at = LookupTime.text(now)
        return try await database.write { db in
            let current = try Self.loadSite(buildingID, in: db)
            try actor.mayWriteSite(of: buildingID, managedBy: current.managedBy)
            let next = try SiteDetails.parseChange(change, onto: current)
            try db.cachedStatement(sql: Query.siteDetailsUpdate.sql).execute(arguments: [
                "building_id": buildingID, "control_room_phone": next.controlRoomPhone,
                "contact_email": next.email, "max_occupancy": next.maxOccupancy,
            ])
            try AuditLog.append(AuditRecord(action: "site.update", targetType: "site", targetID: buildingID,
                                            buildingID: buildingID, organisationID: current.managedBy,
                                            before: current.json(), after: next.json()), actor: actor, at: at, in: db)
            return next
        }
    }

    static func loadSite(_ buildingID: String, in db: Database) throws -> SiteDetails {
        try TextInput.checked(buildingID, field: "building_id")
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.siteByBuilding.sql), arguments: ["building_id": buildingID]) else {
            throw NotFoundError(kind: "building", id: buildingID)
        }
        return SiteDetails(buildingID: buildingID, managedBy: row["managed_by"], controlRoomPhone: row["control_room_phone"],
                           email: row["contact_email"], maxOccupancy: row["max_occupancy"])
    }
}
