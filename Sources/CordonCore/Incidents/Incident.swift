import Foundation

public enum IncidentStatus: String, Sendable {
    case open, closed

    public static func parse(_ text: String, field: String = "status") throws(InputError) -> IncidentStatus {
        guard let status = IncidentStatus(rawValue: text) else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not an incident status", fix: "Use open or closed.")
        }
        return status
    }
}

/// What a commander opens an incident with, parsed at the edge.
public struct IncidentDraft: Sendable {
    public let name: String
    public let location: GeoPosition
    public let locationDescription: String?
    public let cordons: IncidentCordons

    public init(name: String, location: GeoPosition, locationDescription: String?, cordons: IncidentCordons) throws(InputError) {
        try TextInput.checked(name, field: "name")
        try TextInput.checked(locationDescription, field: "location.description")
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw InputError(field: "name", value: "'\(name)'", problem: "must be 1 to 200 characters",
                             fix: "Name the incident, e.g. \"Suspect package, Liverpool Street\".")
        }
        if let locationDescription, locationDescription.count > 200 {
            throw InputError(field: "location.description", value: "\(locationDescription.count) characters",
                             problem: "is too long", fix: "Describe the location in at most 200 characters.")
        }
        self.name = trimmed
        self.location = location
        self.locationDescription = locationDescription
        self.cordons = cordons
    }

    /// The incident's point: {"lat", "lon", ["description"]}.
    public static func location(_ json: JSONValue?) throws(InputError) -> (GeoPosition, String?) {
        guard let json, case .object = json else {
            throw InputError(field: "location", value: json?.typeName ?? "nothing", problem: "is missing",
                             fix: "Give \"location\": {\"lat\": 51.5178, \"lon\": -0.0823, \"description\": \"Liverpool Street station\"}.")
        }
        // A 1 m circle reuses the radius checks: finite, in range, in Great Britain, not swapped.
        let point = try RadiusQuery.parse(latitude: json["lat"]?.text, longitude: json["lon"]?.text, radius: "1")
        let description = json["description"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines)
        return (point.centre, description?.isEmpty == false ? description : nil)
    }
}

/// One version of an incident's cordons, with who set it, when and why.
public struct CordonVersion: Sendable {
    public let version: Int
    public let cordons: IncidentCordons
    public let reason: String?
    public let changedAt: String
    public let changedBy: String
}

public struct Incident: Sendable {
    public let id: Int
    public let name: String
    public let location: GeoPosition
    public let locationDescription: String?
    public let status: IncidentStatus
    public let openedAt: String
    public let openedBy: String
    public let closedAt: String?
    public let closedBy: String?
    /// The current version.
    public let cordons: CordonVersion
}
