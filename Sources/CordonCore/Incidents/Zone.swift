/// The rings around an incident: the inner cordon (the hazard), the outer cordon
/// (controlled access) and an advisory ring. A building belongs to the innermost it touches.
public enum Zone: String, Sendable, CaseIterable, Comparable {
    case inner, outer, advisory

    public static func < (lhs: Zone, rhs: Zone) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    public static func parse(_ text: String, field: String) throws(InputError) -> Zone {
        guard let zone = Zone(rawValue: text.lowercased()) else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not a zone", fix: "Use inner, outer or advisory.")
        }
        return zone
    }

    var label: String {
        switch self {
        case .inner: "Inner cordon"
        case .outer: "Outer cordon"
        case .advisory: "Advisory ring"
        }
    }
}
