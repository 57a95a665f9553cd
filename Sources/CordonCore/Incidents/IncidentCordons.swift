import Foundation

/// An incident's zones at one version: the inner cordon always, outer and advisory rings
/// when set.
public struct IncidentCordons: Sendable, Equatable {
    public var inner: ZoneCordon
    public var outer: ZoneCordon?
    public var advisory: ZoneCordon?

    public init(inner: ZoneCordon, outer: ZoneCordon? = nil, advisory: ZoneCordon? = nil) {
        self.inner = inner
        self.outer = outer
        self.advisory = advisory
    }

    public subscript(zone: Zone) -> ZoneCordon? {
        switch zone {
        case .inner: inner
        case .outer: outer
        case .advisory: advisory
        }
    }

    /// The zones that are set, innermost first.
    public var zones: [(Zone, ZoneCordon)] {
        Zone.allCases.compactMap { zone in self[zone].map { (zone, $0) } }
    }

    /// Parses {"inner": cordon, "outer": cordon, "advisory": cordon}; inner is required.
    public static func parse(_ json: JSONValue, location: GeoPosition, presets: CordonPresets) throws(InputError) -> IncidentCordons {
        guard let inner = json["inner"], inner != .null else {
            throw InputError(field: "inner", value: "nothing", problem: "is missing",
                             fix: "Give the inner cordon, e.g. \"inner\": {\"preset\": \"suitcase\"} or {\"type\": \"radius\", \"radius_m\": 200}.")
        }
        return IncidentCordons(
            inner: try ZoneCordon.parse(inner, zone: .inner, location: location, presets: presets),
            outer: try optional(json["outer"], zone: .outer, location: location, presets: presets),
            advisory: try optional(json["advisory"], zone: .advisory, location: location, presets: presets))
    }

    /// A change: members present replace their zone, `null` removes an outer or advisory
    /// ring, absent members keep what was set.
    public func changed(by json: JSONValue, location: GeoPosition, presets: CordonPresets) throws(InputError) -> IncidentCordons {
        var next = self
        if let inner = json["inner"] {
            guard inner != .null else {
                throw InputError(field: "inner", value: "null", problem: "cannot be removed",
                                 fix: "An incident always has an inner cordon: give its new shape, or close the incident.")
            }
            next.inner = try ZoneCordon.parse(inner, zone: .inner, location: location, presets: presets)
        }
        if let outer = json["outer"] { next.outer = try Self.optional(outer, zone: .outer, location: location, presets: presets) }
        if let advisory = json["advisory"] {
            next.advisory = try Self.optional(advisory, zone: .advisory, location: location, presets: presets)
        }
        guard next != self else {
            throw InputError(field: "cordons", value: "the same cordons", problem: "change nothing",
                             fix: "Give at least one of inner, outer or advisory with a new shape (null removes outer or advisory).")
        }
        return next
    }

    private static func optional(_ json: JSONValue?, zone: Zone, location: GeoPosition,
                                 presets: CordonPresets) throws(InputError) -> ZoneCordon? {
        guard let json, json != .null else { return nil }
        return try ZoneCordon.parse(json, zone: zone, location: location, presets: presets)
    }
}
