/// A building found by a place search: what it is called and a point on it to centre a
/// cordon on.
public struct PlaceCandidate: Sendable, Equatable {
    public let id: String
    public let label: String
    public let name: String?
    public let address: String?
    public let postcode: String?
    public let ward: String?
    public let position: GeoPosition
    public let grid: GridPoint

    /// `{"id", "label", "name", "address", "postcode", "ward", "lat", "lon", "grid_reference"}`
    public func json() -> String {
        JSONText.object([
            ("id", JSONText.quoted(id)), ("label", JSONText.quoted(label)),
            ("name", name.map(JSONText.quoted) ?? "null"), ("address", address.map(JSONText.quoted) ?? "null"),
            ("postcode", postcode.map(JSONText.quoted) ?? "null"), ("ward", ward.map(JSONText.quoted) ?? "null"),
            ("lat", JSONText.number(position.latitude, decimals: 6)), ("lon", JSONText.number(position.longitude, decimals: 6)),
            ("grid_reference", JSONText.quoted(GridReference.text(grid))),
        ])
    }

    /// "30 St Mary Axe (way/4959489), EC3A 8EP, Aldgate": one line for a list of candidates.
    public var summary: String {
        ([label + " (\(id))"] + [postcode, ward].compactMap { nonEmpty($0) }).joined(separator: ", ")
    }
}

/// A place given as text, resolved to one point: a building's, or a grid reference's.
public struct ResolvedPlace: Sendable, Equatable {
    /// The text as given.
    public let given: String
    /// The building the text named; nil for a grid reference.
    public let building: PlaceCandidate?
    public let position: GeoPosition
    public let grid: GridPoint

    /// What to call the place in a heading: the building's label, or the grid reference.
    public var description: String { building?.label ?? GridReference.text(grid) }

    public func json() -> String {
        JSONText.object([
            ("given", JSONText.quoted(given)),
            ("building_id", building.map { JSONText.quoted($0.id) } ?? "null"),
            ("label", JSONText.quoted(description)),
            ("lat", JSONText.number(position.latitude, decimals: 6)), ("lon", JSONText.number(position.longitude, decimals: 6)),
            ("grid_reference", JSONText.quoted(GridReference.text(grid))),
        ])
    }
}

/// A place that names more than one building: refused with the candidates, so that a person
/// picks one rather than the registry guessing.
public struct AmbiguousPlace: Error, Sendable, CustomStringConvertible {
    public let field: String
    public let given: String
    public let candidates: [PlaceCandidate]
    /// More buildings matched than are listed.
    public let more: Bool

    public var description: String {
        "\(field): '\(TextInput.escaped(given))' names \(more ? "more than \(candidates.count)" : "\(candidates.count)") buildings. "
            + "Give one of them by its id or full name (or a grid reference such as TQ 33238 81305)"
    }
}
